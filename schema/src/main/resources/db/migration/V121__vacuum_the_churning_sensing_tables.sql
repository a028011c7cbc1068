-- The sensing tables take a write per reading (thousands per second): each alert of a car without a claim is raised
-- and resolved, each observation is inserted, applied and pruned, each spot's state and stay rewritten. With the
-- default thresholds (20 % of the table dead) autovacuum came too late: a 20-second benchmark left 443,550 dead
-- alert rows behind 48,421 live ones, and the rules' lookups of active alerts by spot walked them all.
alter table alert set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000,
                       autovacuum_analyze_scale_factor = 0.02);
alter table spot_observation set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
alter table spot_stay set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
alter table sensor_observation set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
alter table sensing_applied set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
alter table sensor_health set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
