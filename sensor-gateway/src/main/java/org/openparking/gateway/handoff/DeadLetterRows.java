package org.openparking.gateway.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Records rejected uplinks. */
final class DeadLetterRows {

	private static final String INSERT = """
			insert into sensor_dead_letter (received_at, topic, device_id, reason, detail, payload_size, payload_excerpt)
			select * from unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::bytea[])
			""";

	private DeadLetterRows() {
	}

	static void insert(Connection connection, List<DeadLetter> deadLetters) throws SQLException {
		if (deadLetters.isEmpty()) {
			return;
		}
		Columns<DeadLetter> columns = new Columns<>(connection, deadLetters);
		try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
			statement.setArray(1, columns.times(letter -> letter.origin().receivedAt()));
			statement.setArray(2, columns.of("text", DeadLetter::topic));
			statement.setArray(3, columns.of("text", letter -> letter.origin().deviceId()));
			statement.setArray(4, columns.of("text", letter -> letter.reason().name()));
			statement.setArray(5, columns.of("text", DeadLetter::detail));
			statement.setArray(6, columns.of("int4", letter -> letter.origin().payloadSize()));
			statement.setArray(7, columns.bytes(letter -> letter.origin().excerpt()));
			statement.executeUpdate();
		}
	}
}
