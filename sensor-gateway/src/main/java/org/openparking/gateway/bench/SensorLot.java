package org.openparking.gateway.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A lot whose spots each have a registered sensor, written straight in SQL: the gateway's tests and its benchmark run
 * without the api, whose {@code registerSensor} is the way in otherwise. Device ids are {@code <prefix>-<n>} for
 * n = 1..count.
 */
public record SensorLot(UUID lotId, List<String> deviceIds) {

	public static SensorLot create(Connection connection, String prefix, int count, String model) throws SQLException {
		UUID lotId = UUID.randomUUID();
		UUID levelId = UUID.randomUUID();
		update(connection, """
				insert into lot (id, operator_id, name, city, country_code, latitude, longitude, time_zone, created_at)
				values (?, 'sensor-fixtures', ?, 'Berlin', 'DE', 52.52, 13.405, 'Europe/Berlin', now())""", lotId,
				"Sensor lot " + prefix);
		update(connection, "insert into lot_level (id, lot_id, code, name, ordinal) values (?, ?, 'L0', 'Ground', 0)",
				levelId, lotId);
		update(connection, """
				insert into spot (id, lot_id, level_id, code, spot_class, admin_state, admin_state_since)
				select gen_random_uuid(), ?, ?, n::text, 'STANDARD', 'OPEN', now() from generate_series(1, ?) n""",
				lotId, levelId, count);
		update(connection, """
				insert into sensor_device (device_id, lot_id, spot_id, model, registered_at)
				select ? || '-' || code, lot_id, id, ?, now() from spot where lot_id = ?""", prefix, model, lotId);
		List<String> deviceIds = new ArrayList<>(count);
		for (int n = 1; n <= count; n++) {
			deviceIds.add(prefix + "-" + n);
		}
		return new SensorLot(lotId, deviceIds);
	}

	/** Removes the lot with its spots and sensors, and whatever the gateway recorded about them. */
	public void delete(Connection connection) throws SQLException {
		String[] ids = deviceIds.toArray(String[]::new);
		for (String table : List.of("sensor_observation", "sensor_health", "sensor_dead_letter")) {
			update(connection, "delete from " + table + " where device_id = any(?)", connection.createArrayOf("text", ids));
		}
		update(connection, "delete from lot where id = ?", lotId);
	}

	private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
	}
}
