-- The sensor observations the api's consumer is done with: behind the watermark and no gap (a pass moves the watermark
-- with its effects), or applied without the cursor (sensing_applied). One definition for the consumer's one-by-one
-- fallback, its tests and bin/bench-gateway, which each spelled the rule out before.
create view sensing_consumed as
select o.id from sensor_observation o
where o.id <= (select watermark from sensing_cursor where id = 1)
      and not exists (select 1 from sensing_gap g where g.observation_id = o.id)
   or exists (select 1 from sensing_applied a where a.observation_id = o.id);
