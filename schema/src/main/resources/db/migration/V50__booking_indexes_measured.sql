-- The booking indexes as bin/bench-search measured them (a 500-spot lot with 500,000 bookings; README, "Index design").
--
-- The exclusion constraint leads with the spot. Its own check and every "is this spot free" probe name one spot, and
-- a spot-led GiST finds that spot's bookings without walking everyone else's: with the range leading, the V4
-- trigger's look-up for an open-ended walk-in session (during && [now, infinity)) visits every future booking of
-- every spot. Search and availability do not use this index (they read the one below), and it builds twice as fast.
alter table booking drop constraint booking_no_overlap;
alter table booking add constraint booking_no_overlap exclude using gist (spot_id with =, during with &&)
    where (status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN'));

-- Search and availability probe it once per lot with lot and window. Carrying spot_id makes that an index-only scan:
-- without it each overlapping booking costs a heap page (about 2.5x slower on the benchmark's busy lot).
drop index booking_by_lot_window;
create index booking_by_lot_window on booking using gist (lot_id, during) include (spot_id)
    where (status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN'));
