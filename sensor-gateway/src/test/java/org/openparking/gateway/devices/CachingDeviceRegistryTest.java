package org.openparking.gateway.devices;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openparking.gateway.bench.SensorLot;
import org.openparking.gateway.support.GatewayIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@GatewayIntegrationTest
class CachingDeviceRegistryTest {

	@Autowired
	DeviceRegistry registry;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFirstLookUpOfALotsDeviceBringsInTheRestOfTheLot() throws SQLException {
		SensorLot lot = lot(5);
		SensorLot other = lot(2);

		assertThat(registry.findAll(List.of(lot.deviceIds().getFirst()))).containsOnlyKeys(lot.deviceIds().getFirst());
		// Gone from the table now, yet known: they came with the first look-up.
		unregister(lot);
		unregister(other);

		assertThat(registry.findAll(lot.deviceIds())).containsOnlyKeys(lot.deviceIds())
			.allSatisfy((id, device) -> assertThat(device.lotId()).isEqualTo(lot.lotId()));
		assertThat(registry.findAll(other.deviceIds())).as("another lot is not brought in").isEmpty();
	}

	@Test
	void unknownIdsStayUnknownBesideKnownOnes() throws SQLException {
		SensorLot lot = lot(2);
		String unknown = "unknown-" + UUID.randomUUID();

		assertThat(registry.findAll(List.of(lot.deviceIds().getFirst(), unknown)))
			.containsOnlyKeys(lot.deviceIds().getFirst());
		assertThat(registry.findAll(List.of(unknown))).isEmpty();
	}

	private SensorLot lot(int devices) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return SensorLot.create(connection, "registry-" + UUID.randomUUID().toString().substring(0, 8), devices,
					"test");
		}
	}

	private void unregister(SensorLot lot) {
		jdbc.sql("delete from sensor_device where lot_id = ?").param(lot.lotId()).update();
	}
}
