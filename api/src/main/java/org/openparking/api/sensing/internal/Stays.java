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

	private final JdbcClient jdbc;

	Stays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Opens a stay per spot (each at most once), in one statement. */
	void arrive(List<SpotObservationView> arrivals) {
		if (arrivals.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into spot_stay (spot_id, lot_id, arrived_at)
				select * from unnest(?::uuid[], ?::uuid[], ?::text[]::timestamptz[]) on conflict do nothing""")
			.params(uuids(arrivals.stream().map(SpotObservationView::spotId).toList()),
					uuids(arrivals.stream().map(SpotObservationView::lotId).toList()), times(arrivals))
			.update();
	}

	/**
	 * Closes the open stay of each spot (each at most once) at its observation's time and state, never before the
	 * stay began (sensor clocks may disagree a little); one statement.
	 */
	void leave(List<SpotObservationView> departures) {
		if (departures.isEmpty()) {
			return;
		}
		jdbc.sql("""
				update spot_stay s set departed_at = greatest(s.arrived_at, v.at), ended_by = v.ended_by
				from unnest(?::uuid[], ?::text[]::timestamptz[], ?::text[]) as v (spot_id, at, ended_by)
				where s.spot_id = v.spot_id and s.departed_at is null""")
			.params(uuids(departures.stream().map(SpotObservationView::spotId).toList()),
					times(departures), departures.stream().map(view -> view.state().name()).toArray(String[]::new))
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
