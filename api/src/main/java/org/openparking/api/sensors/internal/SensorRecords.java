package org.openparking.api.sensors.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.time.ZoneOffset.UTC;
import static org.openparking.api.shared.jdbc.ResultSets.instant;

import org.openparking.api.sensors.SensorView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The device registry ({@code sensor_device}), which the sensor gateway reads to accept a device's uplinks. */
@Repository
class SensorRecords {

	private static final String SELECT = "select device_id, model, lot_id, spot_id, registered_at from sensor_device";

	private final JdbcClient jdbc;

	SensorRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the device's row until commit, so a registration and a removal of one device run one after the other. */
	Optional<SensorView> lock(String deviceId) {
		return jdbc.sql(SELECT + " where device_id = ? for update").param(deviceId).query(SensorRecords::row).optional();
	}

	Optional<SensorView> onSpot(UUID spotId) {
		return jdbc.sql(SELECT + " where spot_id = ?").param(spotId).query(SensorRecords::row).optional();
	}

	/**
	 * Registers or moves the device; the time of registration changes only with the spot.
	 * @throws org.springframework.dao.DuplicateKeyException when the spot has another device meanwhile
	 */
	SensorView upsert(String deviceId, UUID lotId, UUID spotId, String model, Instant now) {
		return jdbc.sql("""
				insert into sensor_device (device_id, lot_id, spot_id, model, registered_at) values (?, ?, ?, ?, ?)
				on conflict (device_id) do update set lot_id = excluded.lot_id, spot_id = excluded.spot_id,
				    model = excluded.model,
				    registered_at = case when sensor_device.spot_id = excluded.spot_id then sensor_device.registered_at
				                         else excluded.registered_at end
				returning device_id, model, lot_id, spot_id, registered_at""")
			.params(deviceId, lotId, spotId, model, at(now))
			.query(SensorRecords::row)
			.single();
	}

	void delete(String deviceId) {
		jdbc.sql("delete from sensor_device where device_id = ?").param(deviceId).update();
	}

	/** A page of the lot's sensors in device-id order, after {@code afterDeviceId}. */
	List<SensorView> ofLot(UUID lotId, String afterDeviceId, int limit) {
		return jdbc.sql(SELECT + " where lot_id = ? and device_id > ? order by device_id limit ?")
			.params(lotId, afterDeviceId == null ? "" : afterDeviceId, limit)
			.query(SensorRecords::row)
			.list();
	}

	Map<UUID, SensorView> onSpots(Collection<UUID> spotIds) {
		return jdbc.sql(SELECT + " where spot_id = any(?)")
			.param(spotIds.toArray(UUID[]::new))
			.query(SensorRecords::row)
			.list()
			.stream()
			.collect(Collectors.toMap(SensorView::spotId, Function.identity()));
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(UTC);
	}

	private static SensorView row(ResultSet rs, int n) throws SQLException {
		return new SensorView(rs.getString("device_id"), rs.getString("model"), rs.getObject("lot_id", UUID.class),
				rs.getObject("spot_id", UUID.class), instant(rs, "registered_at"));
	}
}
