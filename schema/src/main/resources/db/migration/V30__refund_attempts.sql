-- Refunds are recorded PENDING before the provider is called, like payments. An attempt that died (crash, restart)
-- is finished by another caller with the same idempotency key once it has been silent too long: that needs to know
-- when the row was last touched, and a version to take it over without a race.
alter table refund
    add column updated_at     timestamptz,
    add column version        bigint not null default 0,
    add column failure_reason text;
update refund set updated_at = created_at;
alter table refund alter column updated_at set not null;
