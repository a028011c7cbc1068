package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openparking.api.sensing.SpotObservationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openparking.api.sensing.internal.SensorStream.at;
import static org.openparking.api.shared.jdbc.ResultSets.instant;
import static org.openparking.api.shared.jdbc.SqlArrays.uuids;

/** Stays of cars on spots as the sensors saw them: the rollup behind the occupancy KPIs. */
@Repository
class Stays {

	/** See {@link #change}; the parameters: departed spots, their times and states, arrived spots, their lots, times. */
	static final String CHANGE = """
			with departed as (
			  update spot_stay s set departed_at = greatest(s.arrived_at, d.at), ended_by = d.ended_by
			  from (select v.spot_id, open.arrived_at, v.at, v.ended_by
			        from unnest(?::uuid[], ?::text[]::timestamptz[], ?::text[]) as v (spot_id, at, ended_by)
			        cross join lateral (select o.arrived_at from spot_stay o
			                            where o.spot_id = v.spot_id and o.departed_at is null limit 1) open
			        offset 0) d
			  where s.spot_id = d.spot_id and s.arrived_at = d.arrived_at)
			insert into spot_stay (spot_id, lot_id, arrived_at)
			select * from unnest(?::uuid[], ?::uuid[], ?::text[]::timestamptz[]) on conflict do nothing""";

	private final JdbcClient jdbc;

	Stays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Closes the open stay of each departed spot at its observation's time and state (never before the stay began:
	 * sensor clocks may disagree a little) and opens one per arrived spot, in one statement; each spot at most once,
	 * and no spot both (the two parts run side by side, neither sees the other's rows).
	 * <p>
	 * Each departed spot's open stay is looked up by the spot first ({@code offset 0} keeps that apart), then updated
	 * by its key, so no plan reads the open stays as a whole, nor a spot's past stays. Joined to the departures
	 * directly, they were read as a whole whenever the statistics put them at a handful, as after a vacuum of a lot
	 * whose cars had left: the plan that got cached (generic: a nested loop, the departures inside) re-read every
	 * departure for every open stay, and with about a thousand open (half a 2,000-spot lot) a pass's 350 departures
	 * took 103 ms instead of ~1.5 (pg_stat_statements, bin/bench-gateway --through-api at 5,000/s: the consumer fell
	 * behind for the rest of the run).
	 */
	void change(List<SpotObservationView> departures, List<SpotObservationView> arrivals) {
		if (departures.isEmpty() && arrivals.isEmpty()) {
			return;
		}
		jdbc.sql(CHANGE)
			.params(uuids(departures.stream().map(SpotObservationView::spotId).toList()), times(departures),
					departures.stream().map(view -> view.state().name()).toArray(String[]::new),
					uuids(arrivals.stream().map(SpotObservationView::spotId).toList()),
					uuids(arrivals.stream().map(SpotObservationView::lotId).toList()), times(arrivals))
			.update();
	}

	private static String[] times(List<SpotObservationView> views) {
		return views.stream().map(view -> view.observedAt().toString()).toArray(String[]::new);
	}

	/** Stays that ended before {@code before}; read through V130's index on arrival (a stay departs after it arrives). */
	int prune(Instant before) {
		return jdbc.sql("delete from spot_stay where arrived_at < ? and departed_at < ?")
			.params(at(before), at(before))
			.update();
	}

	/** Stays of the lot that overlap [from, to), in one statement over the lot's stays index. */
	List<Stay> overlapping(UUID lotId, Instant from, Instant to) {
		return jdbc.sql("""
				select arrived_at, departed_at, ended_by from spot_stay
				where lot_id = ? and arrived_at < ? and (departed_at is null or departed_at >= ?)""")
			.params(lotId, at(to), at(from))
			.query((rs, n) -> new Stay(instant(rs, "arrived_at"), instant(rs, "departed_at"),
					"FREE".equals(rs.getString("ended_by"))))
			.list();
	}

	/** @param departedAt null while the car is there; @param seenLeaving whether it ended by the spot turning FREE */
	record Stay(Instant arrivedAt, Instant departedAt, boolean seenLeaving) {
	}
}
