-- Every sensor reading that changes a spot rewrites the spot's spot_observation row, and most raise or resolve an
-- alert: thousands of writes a second, each paid for by every index of the table.
--
-- spot_observation is updated in place (HOT: no new index entries, dead versions pruned within the page) only when no
-- indexed column changes and the page has room. The index on state stopped that on every change of state, and a
-- state matches a third to a half of the spots, so its only reader (the evaluator's spots in a state, every 15 s)
-- reads the table as fast. Measured on the benchmark machine: upserting the state of 500 spots took 8-12 ms, growing
-- with each round, with the index; 3.2-5.4 ms without it and with room left in the pages.
drop index spot_observation_by_state;
alter table spot_observation set (fillfactor = 50);

-- Active alerts by spot are looked up through alert_one_active, which leads with the spot (V122); this second index
-- of the same entries made each raised alert write one more.
drop index alert_active_by_spot;
