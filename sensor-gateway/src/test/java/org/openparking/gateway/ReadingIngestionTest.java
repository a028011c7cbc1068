package org.openparking.gateway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openparking.gateway.bench.SensorLot;
import org.openparking.gateway.support.GatewayIntegrationTest;
import org.openparking.gateway.support.Sensors;
import org.openparking.gateway.support.Sensors.ObservationRow;
import org.openparking.gateway.support.TestClock;
import org.openparking.gateway.support.Uplinks;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

@GatewayIntegrationTest
class ReadingIngestionTest {

	/** The test profile's debounce window. */
	private static final Duration WINDOW = Duration.ofSeconds(30);

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	Sensors sensors;

	@Autowired
	DataSource dataSource;

	@LocalServerPort
	int port;

	@Test
	void aStableReadingBecomesAnOccupancyObservation() {
		String device = sensors.register("test-model");
		Instant taken = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		sensors.publish(Uplinks.topic(device), Uplinks.status(1, true, taken));
		awaitApplied(device, 1);
		assertThat(sensors.observations(device)).as("still inside the debounce window").isEmpty();

		TestClock.INSTANCE.advance(WINDOW.plusSeconds(1));
		await().atMost(PATIENCE).until(() -> !sensors.observations(device).isEmpty());
		assertThat(sensors.observations(device)).containsExactly(new ObservationRow("OCCUPANCY", true, taken, 1));
		Map<String, Object> health = sensors.health(device);
		assertThat(health).containsEntry("firmware", "1.4.2").containsEntry("comms", "OK");
		assertThat(((Number) health.get("battery_volts")).doubleValue()).isEqualTo(3.6);
		assertThat(((Number) health.get("rssi")).doubleValue()).isEqualTo(-71);
	}

	/** Consumers LISTEN instead of polling hard; the notification comes once the row can be read. */
	@Test
	void aCommittedObservationWakesTheConsumersOfItsLot() throws SQLException {
		SensorLot lot = sensors.registerLot(1, "test-model");
		String device = lot.deviceIds().getFirst();
		try (Connection consumer = dataSource.getConnection()) {
			consumer.setAutoCommit(true);
			try (Statement listen = consumer.createStatement()) {
				listen.execute("listen sensor_observation");
			}
			sensors.publish(Uplinks.topic(device), Uplinks.status(1, true));
			awaitApplied(device, 1);
			TestClock.INSTANCE.advance(WINDOW.plusSeconds(1));

			PGNotification woken = awaitNotification(consumer.unwrap(PGConnection.class), lot.lotId().toString());
			assertThat(woken.getParameter()).startsWith("{\"count\":");
			assertThat(sensors.observations(device)).as("committed before the consumers are woken").hasSize(1);
		}
	}

	private static PGNotification awaitNotification(PGConnection consumer, String naming) throws SQLException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline) {
			for (PGNotification notification : consumer.getNotifications(500)) {
				if (notification.getParameter().contains(naming)) {
					return notification;
				}
			}
		}
		throw new AssertionError("no notification named " + naming);
	}

	@Test
	void duplicatesAndOlderReadingsChangeNothing() {
		String device = deviceConfirmedAs(5, true);
		Instant latestTaken = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		byte[] latest = Uplinks.status(7, false, latestTaken);
		sensors.publish(Uplinks.topic(device), latest);
		awaitApplied(device, 7);
		double duplicates = sensors.counter("gateway.readings.duplicates");
		double outOfOrder = sensors.counter("gateway.readings.out_of_order");

		sensors.publish(Uplinks.topic(device), latest);
		sensors.publish(Uplinks.topic(device), latest);
		// Late arrivals: lower numbers taken earlier. (A lower number taken later would mean the sensor restarted.)
		sensors.publish(Uplinks.topic(device), Uplinks.status(6, true, latestTaken.minusSeconds(1)));
		sensors.publish(Uplinks.topic(device), Uplinks.status(3, true, latestTaken.minusSeconds(60)));
		await().atMost(PATIENCE)
			.until(() -> sensors.counter("gateway.readings.duplicates") == duplicates + 2
					&& sensors.counter("gateway.readings.out_of_order") == outOfOrder + 2);
		TestClock.INSTANCE.advance(WINDOW.plusSeconds(1));
		await().atMost(PATIENCE).until(() -> sensors.observations(device).size() == 2);

		assertThat(sensors.observations(device)).extracting(ObservationRow::occupied, ObservationRow::seq)
			.containsExactly(tuple(true, 5L), tuple(false, 7L));
		assertThat(sensors.lastSeq(device)).isEqualTo(7);
	}

	@Test
	void flappingInsideTheWindowChangesNothing() {
		String device = deviceConfirmedAs(1, false);
		double debounced = sensors.counter("gateway.readings.debounced");

		for (int seq = 2; seq <= 7; seq++) {
			sensors.publish(Uplinks.topic(device), Uplinks.status(seq, seq % 2 == 0));
			awaitApplied(device, seq);
			TestClock.INSTANCE.advance(WINDOW.dividedBy(4));
		}
		// Every change (2, 4, 6: occupied) was taken back inside the window (3, 5, 7: free again).
		assertThat(sensors.counter("gateway.readings.debounced")).isEqualTo(debounced + 3);
		TestClock.INSTANCE.advance(WINDOW.plusSeconds(1));
		await().atMost(PATIENCE).until(() -> !sensors.awaitsDebounce(device));

		assertThat(sensors.observations(device)).extracting(ObservationRow::occupied).containsExactly(false);
	}

	@Test
	void startupAndLowBatteryAreReportedAtOnce() {
		String device = sensors.register("test-model");
		sensors.publish(Uplinks.topic(device), Uplinks.startup(0, 2.71));

		await().atMost(PATIENCE).until(() -> sensors.observations(device).size() == 2);
		assertThat(sensors.observations(device)).extracting(ObservationRow::kind)
			.containsExactlyInAnyOrder("STARTUP", "LOW_BATTERY");
		Map<String, Object> health = sensors.health(device);
		assertThat(health).containsEntry("low_battery", true).containsEntry("firmware", "2.0.0");
		assertThat(health.get("last_startup_at")).isNotNull();
	}

	@Test
	void acceptsTheThingsStackUplinks() {
		String device = sensors.register("test-model");
		sensors.publish(Uplinks.ttsTopic(device), Uplinks.ttsUplink(device, 42, true));
		awaitApplied(device, 42);

		TestClock.INSTANCE.advance(WINDOW.plusSeconds(1));
		await().atMost(PATIENCE).until(() -> sensors.observations(device).size() == 1);
		assertThat(sensors.observations(device).getFirst()).extracting(ObservationRow::kind, ObservationRow::occupied)
			.containsExactly("OCCUPANCY", true);
		Map<String, Object> health = sensors.health(device);
		// The strongest of the two gateways that heard it speaks for the link.
		assertThat(((Number) health.get("rssi")).doubleValue()).isEqualTo(-88);
		assertThat(((Number) health.get("snr")).doubleValue()).isEqualTo(4.3);
		assertThat(((Number) health.get("battery_percent")).doubleValue()).isEqualTo(87);
	}

	@Test
	void reportsItsHealth() {
		await().atMost(PATIENCE).until(() -> {
			String body = RestClient.create("http://127.0.0.1:" + port)
				.get()
				.uri("/actuator/health")
				.retrieve()
				.onStatus(status -> true, (request, response) -> {
				})
				.body(String.class);
			return body != null && body.contains("\"mqtt\":{\"status\":\"UP\"");
		});
		List<String> meters = List.of("gateway.readings.received", "gateway.readings.applied",
				"gateway.readings.rejected", "gateway.handoff.lag");
		for (String meter : meters) {
			String body = RestClient.create("http://127.0.0.1:" + port)
				.get()
				.uri("/actuator/metrics/" + meter)
				.retrieve()
				.body(String.class);
			assertThat(body).contains("\"name\":\"" + meter + "\"");
		}
	}

	/** A new device whose first reading has been promoted to its confirmed state. */
	private String deviceConfirmedAs(long seq, boolean occupied) {
		String device = sensors.register("test-model");
		sensors.publish(Uplinks.topic(device), Uplinks.status(seq, occupied));
		awaitApplied(device, seq);
		TestClock.INSTANCE.advance(WINDOW.plusSeconds(1));
		await().atMost(PATIENCE).until(() -> sensors.observations(device).size() == 1);
		return device;
	}

	private void awaitApplied(String device, long seq) {
		await().atMost(PATIENCE).until(() -> sensors.lastSeq(device) == seq);
	}
}
