package org.openparking.gateway;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openparking.gateway.bench.SensorLot;
import org.openparking.gateway.mqtt.BrokerConnection;
import org.openparking.gateway.support.GatewayIntegrationTest;
import org.openparking.gateway.support.PrivateBroker;
import org.openparking.gateway.support.Sensors;
import org.openparking.gateway.support.Uplinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The broker restarts while sensors keep publishing: the gateway reconnects and every QoS 1 reading arrives. */
@GatewayIntegrationTest
@DirtiesContext
class BrokerRestartTest {

	private static final int DEVICES = 50;

	private static final int ROUNDS = 20;

	private static PrivateBroker broker;

	@Autowired
	Sensors sensors;

	@Autowired
	BrokerConnection connection;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void privateBroker(DynamicPropertyRegistry registry) {
		broker = PrivateBroker.start();
		registry.add("parking.gateway.mqtt.url", broker::url);
		// Every reading flips its spot at once, so each one must show up as its own observation.
		registry.add("parking.gateway.debounce", () -> "0s");
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void noReadingIsLostWhenTheBrokerRestartsMidStream() {
		SensorLot lot = sensors.registerLot(DEVICES, "test-model");
		CompletableFuture<Void> restart = null;
		for (int round = 1; round <= ROUNDS; round++) {
			if (round == ROUNDS / 3) {
				// From here on the readings meet a broker going down and coming back: the publisher retries
				// through the outage, the gateway reconnects and resumes its session.
				restart = CompletableFuture.runAsync(broker::restart);
			}
			for (String device : lot.deviceIds()) {
				sensors.publish(Uplinks.topic(device), Uplinks.status(round, round % 2 == 1));
			}
		}
		restart.join();

		await().atMost(Duration.ofSeconds(90)).until(() -> occupancyRows(lot.deviceIds()) == DEVICES * ROUNDS);
		await("the gateway subscribed again").atMost(Duration.ofSeconds(30)).until(connection::isSubscribed);
		for (String device : lot.deviceIds()) {
			assertThat(sensors.observations(device)).extracting(Sensors.ObservationRow::seq)
				.containsExactlyInAnyOrderElementsOf(
						java.util.stream.LongStream.rangeClosed(1, ROUNDS).boxed().toList());
		}
	}

	private int occupancyRows(List<String> devices) {
		return jdbc.sql("select count(*)::int from sensor_observation where kind = 'OCCUPANCY' and device_id = any(?)")
			.param(devices.toArray(String[]::new))
			.query(Integer.class)
			.single();
	}
}
