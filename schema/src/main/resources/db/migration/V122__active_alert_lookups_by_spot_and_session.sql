-- The rules look up and resolve active alerts by spot (kind = any(...) and spot_id = any(...)). alert_one_active led
-- with kind, so a planner without statistics on alert (a new table, or autovacuum off as on the benchmark machine)
-- took it for those lookups and walked every active entry of the kind, dead ones included: 135 ms per statement
-- after one benchmark run. Led by the spot, the unique index cannot serve a lookup by kind alone, and
-- alert_active_by_spot (spot_id, kind) is the only index that fits. Resolving a session's alerts (on every session
-- end) used the kind as well and gets its own index.
drop index alert_one_active;
create unique index alert_one_active on alert (coalesce(spot_id, '00000000-0000-0000-0000-000000000000'), kind,
    coalesce(booking_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(session_id, '00000000-0000-0000-0000-000000000000'))
    where status in ('OPEN', 'ACKNOWLEDGED');
create index alert_active_by_session on alert (session_id, kind)
    where session_id is not null and status in ('OPEN', 'ACKNOWLEDGED');
