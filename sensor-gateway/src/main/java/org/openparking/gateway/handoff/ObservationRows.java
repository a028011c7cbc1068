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

/** Appends observations; duplicates collapse on the table's unique key. */
final class ObservationRows {

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

	/** The new rows by kind and the lots they belong to. */
	record Inserted(Map<ObservationKind, Integer> byKind, Set<UUID> lots) {

		int count() {
			return byKind.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	static Inserted insert(Connection connection, List<Observation> observations, Instant handedOffAt)
			throws SQLException {
		Map<ObservationKind, Integer> inserted = new EnumMap<>(ObservationKind.class);
		Set<UUID> lots = new TreeSet<>();
		if (observations.isEmpty()) {
			return new Inserted(inserted, lots);
		}
		List<Observation> rows = observations.stream().sorted(LOCK_ORDER).toList();
		Columns<Observation> columns = new Columns<>(connection, rows);
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
		return new Inserted(inserted, lots);
	}
}
