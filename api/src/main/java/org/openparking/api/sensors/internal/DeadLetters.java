package org.openparking.api.sensors.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openparking.api.sensors.internal.SensorRecords.at;
import static org.openparking.api.shared.jdbc.ResultSets.instant;

/** Uplinks the gateway rejected ({@code sensor_dead_letter}), newest first. */
@Repository
class DeadLetters {

	private final JdbcClient jdbc;

	DeadLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of dead letters, of the lot's currently registered devices when {@code lotId} is given (through the
	 * partial index by device), else of all.
	 * @param afterSortKey {@link DeadLetterView#sortKey()} of the last row of the previous page, or null
	 */
	List<DeadLetterView> page(UUID lotId, String afterSortKey, int limit) {
		StringBuilder sql = new StringBuilder("""
				select id, received_at, topic, device_id, reason, detail, payload_size, payload_excerpt
				from sensor_dead_letter where true""");
		List<Object> params = new ArrayList<>();
		if (lotId != null) {
			sql.append(" and device_id in (select device_id from sensor_device where lot_id = ?)");
			params.add(lotId);
		}
		if (afterSortKey != null) {
			Key after = Key.parse(afterSortKey);
			sql.append(" and (received_at, id) < (?, ?)");
			params.add(at(after.receivedAt()));
			params.add(after.id());
		}
		sql.append(" order by received_at desc, id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(DeadLetters::row).list();
	}

	private static DeadLetterView row(ResultSet rs, int n) throws SQLException {
		return new DeadLetterView(rs.getLong("id"), instant(rs, "received_at"), rs.getString("topic"),
				rs.getString("device_id"), rs.getString("reason"), rs.getString("detail"), rs.getInt("payload_size"),
				new String(rs.getBytes("payload_excerpt"), StandardCharsets.UTF_8));
	}

	private record Key(Instant receivedAt, long id) {

		static Key parse(String sortKey) {
			int bar = sortKey.indexOf('|');
			try {
				return new Key(Instant.parse(sortKey.substring(0, bar)), Long.parseLong(sortKey.substring(bar + 1)));
			}
			catch (DateTimeParseException | IllegalArgumentException | IndexOutOfBoundsException ex) {
				throw new InvalidArgumentException("Malformed cursor");
			}
		}
	}
}
