-- Every alert of a spot, newest first: the admin UI's spot detail, the rules' "raised on this spot since the car
-- arrived" check, and the cascade when a spot is deleted (without it, each deleted spot scanned the whole table).
-- Not built concurrently: that cannot run inside the transaction that Flyway's default PostgreSQL lock opens, so
-- every Flyway run (the services', the benchmarks', an operator's CLI) would need that lock switched off. Writes to
-- alert wait while the index builds, once, during the deployment.
create index alert_by_spot on alert (spot_id, raised_at desc, id);
