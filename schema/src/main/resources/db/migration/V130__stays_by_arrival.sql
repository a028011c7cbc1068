-- The stays' retention delete (Stays.prune, every evaluation) read the whole table: with the 400-day retention it
-- finds nothing for a year, and a seq scan of 1.4 million stays took 100-180 ms of a shared benchmark machine every
-- 15 s. Stays are inserted as cars arrive, so a block-range index on arrived_at is small and lets the delete skip
-- every block of recent stays (a stay departs after it arrives).
create index spot_stay_by_arrival on spot_stay using brin (arrived_at);
