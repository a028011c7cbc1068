package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openparking.api.sensing.internal.SensorStream.at;

/** Stays of cars on spots as the sensors saw them: the rollup behind the occupancy KPIs. */
@Repository
class Stays {

	private final JdbcClient jdbc;

	Stays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void arrive(UUID spotId, UUID lotId, Instant at) {
		jdbc.sql("""
				insert into spot_stay (spot_id, lot_id, arrived_at) values (?, ?, ?) on conflict do nothing""")
			.params(spotId, lotId, at(at))
			.update();
	}

	/** Closes the open stay of the spot, never before it began (sensor clocks may disagree a little). */
	void leave(UUID spotId, Instant at, String endedBy) {
		jdbc.sql("""
				update spot_stay set departed_at = greatest(arrived_at, ?), ended_by = ?
				where spot_id = ? and departed_at is null""")
			.params(at(at), endedBy, spotId)
			.update();
	}

	int prune(Instant before) {
		return jdbc.sql("delete from spot_stay where departed_at < ?").param(at(before)).update();
	}

	/** Stays of the lot that overlap [from, to), in one statement over the lot's stays index. */
	List<Stay> overlapping(UUID lotId, Instant from, Instant to) {
		return jdbc.sql("""
				select arrived_at, departed_at, ended_by from spot_stay
				where lot_id = ? and arrived_at < ? and (departed_at is null or departed_at >= ?)""")
			.params(lotId, at(to), at(from))
			.query((rs, n) -> new Stay(SensorStream.instant(rs, "arrived_at"), SensorStream.instant(rs, "departed_at"),
					"FREE".equals(rs.getString("ended_by"))))
			.list();
	}

	/** @param departedAt null while the car is there; @param seenLeaving whether it ended by the spot turning FREE */
	record Stay(Instant arrivedAt, Instant departedAt, boolean seenLeaving) {
	}
}
