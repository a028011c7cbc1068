-- Every alert of a spot, newest first: the admin UI's spot detail, the rules' "raised on this spot since the car
-- arrived" check, and the cascade when a spot is deleted (without it, each deleted spot scanned the whole table).
-- Concurrently, so a deployment does not block alerts while it builds; Flyway runs the statement outside a
-- transaction.
create index concurrently alert_by_spot on alert (spot_id, raised_at desc, id);
