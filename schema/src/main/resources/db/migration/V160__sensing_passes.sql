-- A consumer pass that holds the cursor moves the watermark in the transaction that applies the rows, so the
-- watermark already records what it applied; writing a sensing_applied row for every reading as well (an insert into
-- a table of two indexes per reading, and a delete when pruned) made the statement that ends a pass 7.5 % of the
-- consumer's statement time (0.5 % without). Each such pass now leaves one row: when it started, the ids after the
-- watermark it read up to, and the gaps it applied.
-- sensing_applied keeps the readings applied without the cursor (the one-by-one fallback while another node took
-- it), which passes skip.
create table sensing_pass (
    started_at  timestamptz not null,
    after_id    bigint      not null,
    up_to       bigint      not null,
    gap_ids     bigint[]    not null
);
create index sensing_pass_by_age on sensing_pass (started_at);
alter table sensing_pass set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
