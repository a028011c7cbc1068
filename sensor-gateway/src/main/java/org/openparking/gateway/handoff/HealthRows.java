package org.openparking.gateway.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps sensor_health current: one upsert for the batch's readings, one update for its lost devices. */
final class HealthRows {

	private static final String UPSERT = """
			insert into sensor_health as h (device_id, last_seen_at, last_reading_at, last_seq, battery_volts,
			    battery_percent, low_battery, rssi, snr, firmware, last_startup_at, comms, updated_at)
			select u.*, 'OK', ?
			from unnest(?::text[], ?::timestamptz[], ?::timestamptz[], ?::bigint[], ?::float8[], ?::float8[],
			            ?::boolean[], ?::float8[], ?::float8[], ?::text[], ?::timestamptz[]) as u
			on conflict (device_id) do update set
			    last_seen_at = excluded.last_seen_at,
			    last_reading_at = excluded.last_reading_at,
			    last_seq = excluded.last_seq,
			    battery_volts = coalesce(excluded.battery_volts, h.battery_volts),
			    battery_percent = coalesce(excluded.battery_percent, h.battery_percent),
			    low_battery = coalesce(excluded.low_battery, h.low_battery),
			    rssi = coalesce(excluded.rssi, h.rssi),
			    snr = coalesce(excluded.snr, h.snr),
			    firmware = coalesce(excluded.firmware, h.firmware),
			    last_startup_at = coalesce(excluded.last_startup_at, h.last_startup_at),
			    comms = 'OK',
			    comms_changed_at = case when h.comms = 'LOST' then excluded.last_seen_at else h.comms_changed_at end,
			    updated_at = excluded.updated_at
			where h.last_reading_at <= excluded.last_reading_at
			""";

	// A reading heard after the deadline already brought the device back; its loss is stale.
	private static final String MARK_LOST = """
			update sensor_health h set comms = 'LOST', comms_changed_at = u.deadline, updated_at = ?
			from unnest(?::text[], ?::timestamptz[]) as u(device_id, deadline)
			where h.device_id = u.device_id and h.last_seen_at < u.deadline and h.comms = 'OK'
			""";

	private HealthRows() {
	}

	static void upsert(Connection connection, List<HealthUpdate> updates, Instant now) throws SQLException {
		if (updates.isEmpty()) {
			return;
		}
		// One row per device (a statement may not update a row twice), in device order (no deadlocks).
		Map<String, HealthUpdate> latest = new TreeMap<>();
		updates.stream()
			.sorted(Comparator.comparing(HealthUpdate::readingAt))
			.forEach(update -> latest.merge(update.deviceId(), update, HealthRows::newer));
		Columns<HealthUpdate> columns = new Columns<>(connection, List.copyOf(latest.values()));
		try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
			statement.setTimestamp(1, Timestamp.from(now));
			statement.setArray(2, columns.of("text", HealthUpdate::deviceId));
			statement.setArray(3, columns.times(HealthUpdate::seenAt));
			statement.setArray(4, columns.times(HealthUpdate::readingAt));
			statement.setArray(5, columns.of("int8", HealthUpdate::seq));
			statement.setArray(6, columns.of("float8", HealthUpdate::batteryVolts));
			statement.setArray(7, columns.of("float8", HealthUpdate::batteryPercent));
			statement.setArray(8, columns.of("bool", HealthUpdate::lowBattery));
			statement.setArray(9, columns.of("float8", HealthUpdate::rssi));
			statement.setArray(10, columns.of("float8", HealthUpdate::snr));
			statement.setArray(11, columns.of("text", HealthUpdate::firmware));
			statement.setArray(12, columns.times(HealthUpdate::startupAt));
			statement.executeUpdate();
		}
	}

	static void markLost(Connection connection, List<CommsLoss> losses, Instant now) throws SQLException {
		if (losses.isEmpty()) {
			return;
		}
		List<CommsLoss> rows = losses.stream().sorted(Comparator.comparing(CommsLoss::deviceId)).toList();
		Columns<CommsLoss> columns = new Columns<>(connection, rows);
		try (PreparedStatement statement = connection.prepareStatement(MARK_LOST)) {
			statement.setTimestamp(1, Timestamp.from(now));
			statement.setArray(2, columns.of("text", CommsLoss::deviceId));
			statement.setArray(3, columns.times(CommsLoss::deadline));
			statement.executeUpdate();
		}
	}

	/** The later reading wins; figures it did not report are kept from the earlier one. */
	private static HealthUpdate newer(HealthUpdate earlier, HealthUpdate later) {
		return new HealthUpdate(later.deviceId(), later.seenAt(), later.readingAt(), later.seq(),
				or(later.batteryVolts(), earlier.batteryVolts()), or(later.batteryPercent(), earlier.batteryPercent()),
				or(later.lowBattery(), earlier.lowBattery()), or(later.rssi(), earlier.rssi()),
				or(later.snr(), earlier.snr()), or(later.firmware(), earlier.firmware()),
				or(later.startupAt(), earlier.startupAt()));
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}
}
