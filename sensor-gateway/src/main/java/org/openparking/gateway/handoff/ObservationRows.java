package org.openparking.gateway.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Appends observations (duplicates collapse on the table's unique key) and wakes consumers with pg_notify. */
final class ObservationRows {

	static final String CHANNEL = "sensor_observation";

	/** pg_notify payloads must stay under 8000 bytes; beyond this many lots a consumer rescans everything. */
	private static final int MAX_NOTIFIED_LOTS = 100;

	// Sorted rows take their unique-index locks in one order, so concurrent batches cannot deadlock on them.
	private static final Comparator<Observation> LOCK_ORDER = Comparator.comparing(Observation::deviceId)
		.thenComparingLong(Observation::seq)
		.thenComparing(Observation::kind)
		.thenComparing(Observation::observedAt);

	private static final String INSERT = """
			insert into sensor_observation
			    (device_id, lot_id, spot_id, kind, occupied, observed_at, received_at, handed_off_at, seq)
			select u.device_id, u.lot_id, u.spot_id, u.kind, u.occupied, u.observed_at, u.received_at, ?, u.seq
			from unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::boolean[], ?::timestamptz[], ?::timestamptz[],
			            ?::bigint[]) as u(device_id, lot_id, spot_id, kind, occupied, observed_at, received_at, seq)
			on conflict do nothing
			returning kind, lot_id
			""";

	private ObservationRows() {
	}

	static Map<ObservationKind, Integer> insert(Connection connection, List<Observation> observations,
			Instant handedOffAt) throws SQLException {
		Map<ObservationKind, Integer> inserted = new EnumMap<>(ObservationKind.class);
		if (observations.isEmpty()) {
			return inserted;
		}
		List<Observation> rows = observations.stream().sorted(LOCK_ORDER).toList();
		Columns<Observation> columns = new Columns<>(connection, rows);
		Set<UUID> lots = new TreeSet<>();
		try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
			statement.setTimestamp(1, Timestamp.from(handedOffAt));
			statement.setArray(2, columns.of("text", Observation::deviceId));
			statement.setArray(3, columns.of("uuid", Observation::lotId));
			statement.setArray(4, columns.of("uuid", Observation::spotId));
			statement.setArray(5, columns.of("text", observation -> observation.kind().name()));
			statement.setArray(6, columns.of("bool", Observation::occupied));
			statement.setArray(7, columns.times(Observation::observedAt));
			statement.setArray(8, columns.times(Observation::receivedAt));
			statement.setArray(9, columns.of("int8", Observation::seq));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					inserted.merge(ObservationKind.valueOf(result.getString(1)), 1, Integer::sum);
					lots.add(result.getObject(2, UUID.class));
				}
			}
		}
		if (!lots.isEmpty()) {
			notifyConsumers(connection, inserted.values().stream().mapToInt(Integer::intValue).sum(), lots);
		}
		return inserted;
	}

	/** Delivered at commit, so a woken consumer finds the rows. */
	private static void notifyConsumers(Connection connection, int count, Set<UUID> lots) throws SQLException {
		String lotList = lots.size() > MAX_NOTIFIED_LOTS ? ""
				: lots.stream().map(lot -> "\"" + lot + "\"").collect(Collectors.joining(","));
		try (PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
			statement.setString(1, CHANNEL);
			statement.setString(2, "{\"count\":" + count + ",\"lots\":[" + lotList + "]}");
			statement.execute();
		}
	}
}
