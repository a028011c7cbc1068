package org.openparking.api.sensing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openparking.api.sensing.ObservationSource;
import org.openparking.api.sensing.ObservedState;
import org.openparking.api.sensing.SpotObservationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openparking.api.sensing.internal.SensorStream.at;
import static org.openparking.api.shared.jdbc.ResultSets.instant;
import static org.openparking.api.shared.jdbc.SqlArrays.uuids;

/**
 * The observed state per spot. What a spot shows depends on its sensor now: an observation made by a device that is
 * no longer the spot's sensor does not count, and a spot without a sensor is UNKNOWN / NO_SENSOR.
 */
@Repository
class SpotObservations {

	/** Each spot with its current sensor (the latest registered) and that sensor's observation, if any. */
	private static final String EFFECTIVE = """
			from spot s
			left join lateral (select device_id from sensor_device where spot_id = s.id
			                   order by registered_at desc limit 1) d on true
			left join spot_observation o on o.spot_id = s.id and o.device_id = d.device_id""";

	private final JdbcClient jdbc;

	SpotObservations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What was last applied for each of the spots that has a state, whichever device it came from. */
	Map<UUID, Stored> stored(Collection<UUID> spotIds) {
		return jdbc
			.sql("select spot_id, state, source, device_id, observed_at from spot_observation"
					+ " where spot_id = any(?::uuid[])")
			.param(uuids(spotIds))
			.query((rs, n) -> Map.entry(rs.getObject("spot_id", UUID.class),
					new Stored(ObservedState.valueOf(rs.getString("state")),
							ObservationSource.valueOf(rs.getString("source")), rs.getString("device_id"),
							instant(rs, "observed_at"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** One statement for any number of spots, each at most once. */
	void store(Collection<SpotObservationView> views, Instant now) {
		if (views.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into spot_observation (spot_id, lot_id, state, source, device_id, observed_at, applied_at)
				select spot, lot, state, source, device, observed_at, ?
				from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[])
				  as v (spot, lot, state, source, device, observed_at)
				on conflict (spot_id) do update set state = excluded.state, source = excluded.source,
				  device_id = excluded.device_id, observed_at = excluded.observed_at, applied_at = excluded.applied_at""")
			.params(at(now), uuids(views.stream().map(SpotObservationView::spotId).toList()),
					uuids(views.stream().map(SpotObservationView::lotId).toList()),
					views.stream().map(view -> view.state().name()).toArray(String[]::new),
					views.stream().map(view -> view.source().name()).toArray(String[]::new),
					views.stream().map(SpotObservationView::deviceId).toArray(String[]::new),
					views.stream().map(view -> view.observedAt().toString()).toArray(String[]::new))
			.update();
	}

	/** One statement for any number of spots; unknown spot ids are left out. */
	Map<UUID, SpotObservationView> views(Collection<UUID> spotIds) {
		return jdbc.sql("select s.id as spot_id, s.lot_id, d.device_id as sensor, o.state, o.source, o.observed_at "
				+ EFFECTIVE + " where s.id = any(?::uuid[])")
			.param(uuids(spotIds))
			.query(SpotObservations::view)
			.list()
			.stream()
			.collect(Collectors.toMap(SpotObservationView::spotId, Function.identity()));
	}

	/** Spots currently observed in {@code state} by their current sensor, with the time they entered it. */
	List<SpotObservationView> inState(ObservedState state) {
		return jdbc.sql("""
				select o.spot_id, o.lot_id, o.device_id as sensor, o.state, o.source, o.observed_at
				from spot_observation o
				where o.state = ? and exists (select 1 from sensor_device d
				  where d.spot_id = o.spot_id and d.device_id = o.device_id)""")
			.param(state.name())
			.query(SpotObservations::view)
			.list();
	}

	/** Per lot: occupied, free and all spots; a spot not observed OCCUPIED or FREE is unknown. */
	Map<UUID, Counts> counts(Collection<UUID> lotIds) {
		return jdbc.sql("select s.lot_id, count(*) filter (where o.state = 'OCCUPIED') as occupied,"
				+ " count(*) filter (where o.state = 'FREE') as free, count(*) as total " + EFFECTIVE
				+ " where s.lot_id = any(?::uuid[]) group by s.lot_id")
			.param(uuids(lotIds))
			.query((rs, n) -> Map.entry(rs.getObject("lot_id", UUID.class),
					new Counts(rs.getInt("occupied"), rs.getInt("free"), rs.getInt("total"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Spots of the lot that have a sensor registered (the denominator of the occupancy KPIs). */
	int sensorSpots(UUID lotId) {
		return jdbc.sql("select count(distinct spot_id) from sensor_device where lot_id = ?")
			.param(lotId)
			.query(Integer.class)
			.single();
	}

	private static SpotObservationView view(ResultSet rs, int n) throws SQLException {
		UUID spot = rs.getObject("spot_id", UUID.class);
		UUID lot = rs.getObject("lot_id", UUID.class);
		String sensor = rs.getString("sensor");
		if (sensor == null) {
			return SpotObservationView.noSensor(spot, lot);
		}
		String state = rs.getString("state");
		if (state == null) { // registered, not heard from yet
			return new SpotObservationView(spot, lot, ObservedState.UNKNOWN, null, ObservationSource.SENSOR, sensor);
		}
		return new SpotObservationView(spot, lot, ObservedState.valueOf(state), instant(rs, "observed_at"),
				ObservationSource.valueOf(rs.getString("source")), sensor);
	}

	record Stored(ObservedState state, ObservationSource source, String deviceId, Instant observedAt) {
	}

	record Counts(int occupied, int free, int total) {
	}
}
