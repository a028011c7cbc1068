package org.openparking.api.sensors.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openparking.api.shared.jdbc.ResultSets.instant;

/** What the gateway wrote about devices: their health and their applied readings. Read only here. */
@Repository
class SensorTelemetry {

	private final JdbcClient jdbc;

	SensorTelemetry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, SensorHealthView> health(Collection<String> deviceIds) {
		return jdbc.sql("""
				select device_id, last_seen_at, battery_volts, battery_percent, low_battery, rssi, snr, firmware,
				       last_startup_at, comms, comms_changed_at
				from sensor_health where device_id = any(?)""")
			.param(deviceIds.toArray(String[]::new))
			.query(SensorTelemetry::health)
			.list()
			.stream()
			.collect(Collectors.toMap(SensorHealthView::deviceId, Function.identity()));
	}

	/**
	 * The newest {@code limit} readings of each device, in one statement; the table's unique key leads with the
	 * device, so each device's rows are found through it.
	 */
	Map<String, List<SensorReadingView>> newestReadings(Collection<String> deviceIds, int limit) {
		return jdbc.sql("""
				select device_id, kind, occupied, observed_at, received_at from (
				    select device_id, kind, occupied, observed_at, received_at, id,
				           row_number() over (partition by device_id order by observed_at desc, id desc) as n
				    from sensor_observation where device_id = any(?)
				) newest where n <= ? order by device_id, observed_at desc, id desc""")
			.params(deviceIds.toArray(String[]::new), limit)
			.query((rs, n) -> new SensorReadingView(rs.getString("device_id"), rs.getString("kind"),
					(Boolean) rs.getObject("occupied"), instant(rs, "observed_at"), instant(rs, "received_at")))
			.list()
			.stream()
			.collect(Collectors.groupingBy(SensorReadingView::deviceId));
	}

	private static SensorHealthView health(ResultSet rs, int n) throws SQLException {
		return new SensorHealthView(rs.getString("device_id"), instant(rs, "last_seen_at"),
				decimal(rs, "battery_volts"), decimal(rs, "battery_percent"), (Boolean) rs.getObject("low_battery"),
				decimal(rs, "rssi"), decimal(rs, "snr"), rs.getString("firmware"), instant(rs, "last_startup_at"),
				rs.getString("comms"), instant(rs, "comms_changed_at"));
	}

	private static Double decimal(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? null : value.doubleValue();
	}
}
