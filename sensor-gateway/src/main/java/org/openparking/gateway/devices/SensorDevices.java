package org.openparking.gateway.devices;

import java.sql.Array;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the registry table. */
@Repository
class SensorDevices {

	private final JdbcTemplate jdbc;

	SensorDevices(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The devices with these ids and every other device of their lots, in one statement (by the index of the devices
	 * by lot): a lot's sensors come on line together and then report every few minutes each, so the first reading of
	 * one of them brings in the lot.
	 */
	List<SensorDevice> findWithTheirLots(Collection<String> deviceIds) {
		return jdbc.query(connection -> {
			var statement = connection.prepareStatement("""
					select device_id, lot_id, spot_id, model from sensor_device
					where lot_id in (select lot_id from sensor_device where device_id = any(?))""");
			Array ids = connection.createArrayOf("text", deviceIds.toArray());
			statement.setArray(1, ids);
			return statement;
		}, (row, n) -> new SensorDevice(row.getString(1), row.getObject(2, UUID.class),
				row.getObject(3, UUID.class), row.getString(4)));
	}
}
