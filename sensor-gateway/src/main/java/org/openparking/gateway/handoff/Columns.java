package org.openparking.gateway.handoff;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Binds one column of many rows as a PostgreSQL array, so a batch of any size is one statement:
 * {@code insert ... select * from unnest(?::text[], ...)}. Times travel as ISO-8601 text.
 */
final class Columns<T> {

	private final Connection connection;

	private final List<T> rows;

	Columns(Connection connection, List<T> rows) {
		this.connection = connection;
		this.rows = rows;
	}

	Array of(String sqlType, Function<T, ?> column) throws SQLException {
		return connection.createArrayOf(sqlType, rows.stream().map(column).toArray());
	}

	Array bytes(Function<T, byte[]> column) throws SQLException {
		// A byte[][] (not an Object[] of byte[]) is what the driver encodes as bytea[].
		return connection.createArrayOf("bytea", rows.stream().map(column).toArray(byte[][]::new));
	}

	Array times(Function<T, Instant> column) throws SQLException {
		return of("timestamptz", row -> {
			Instant time = column.apply(row);
			return time == null ? null : time.toString();
		});
	}
}
