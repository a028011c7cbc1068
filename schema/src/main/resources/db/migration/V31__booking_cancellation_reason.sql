-- Why the driver cancelled, as they wrote it: for support and for operators reviewing cancellations.
alter table booking add column cancellation_reason text check (length(cancellation_reason) <= 500);
