-- Operators' look-ups (lotBookings, lotSessions) page a lot's history newest first; without these they would sort
-- every booking or session the lot ever had.
create index booking_by_lot on booking (lot_id, created_at desc, id);
create index parking_session_by_lot on parking_session (lot_id, started_at desc, id);

-- A spot carries at most one sensor (Spot.sensor); the api's registerSensor relies on this to refuse a second one
-- even when two operators' requests race. It replaces the plain index on spot_id.
create unique index sensor_device_one_per_spot on sensor_device (spot_id);
drop index sensor_device_by_spot;
