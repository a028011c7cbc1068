-- The api's consumer applies sensor observations at thousands per second; two lookups it makes per batch.

-- Ids of sensor_observation the consumer passed over because their rows were not committed yet: the gateway's
-- ingest lanes commit out of id order. Each pass looks them up by id, instead of scanning a window of the table
-- behind the watermark (with the gateway at 5,000 readings/s, 600,000 rows per pass). A gap is forgotten once its
-- row was applied, or after parking.sensing.reread-window (an id of a rolled-back transaction never comes).
create table sensing_gap (
    observation_id  bigint      primary key,
    noticed_at      timestamptz not null
);
-- Rows behind the watermark when this migration runs may still be uncommitted: the ids behind it that have no row
-- yet, and the recent rows not applied yet, are gaps (the ids of pruned rows among them are forgotten in time).
insert into sensing_gap (observation_id, noticed_at)
select g, now() from sensing_cursor c, generate_series(greatest(c.watermark - 100000, 0) + 1, c.watermark) g
where not exists (select 1 from sensing_applied a where a.observation_id = g)
  and not exists (select 1 from sensor_observation o where o.id = g and o.received_at < now() - interval '2 minutes');

-- Active alerts of a batch of spots, by spot (resolved when the cars leave, looked up when they arrive).
create index alert_active_by_spot on alert (spot_id, kind) where status in ('OPEN', 'ACKNOWLEDGED');
