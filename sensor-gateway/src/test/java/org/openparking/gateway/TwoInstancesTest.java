package org.openparking.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openparking.gateway.bench.SensorLot;
import org.openparking.gateway.mqtt.BrokerConnection;
import org.openparking.gateway.support.GatewayIntegrationTest;
import org.openparking.gateway.support.PrivateBroker;
import org.openparking.gateway.support.Sensors;
import org.openparking.gateway.support.Sensors.ObservationRow;
import org.openparking.gateway.support.TestClockConfiguration;
import org.openparking.gateway.support.Uplinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateways on one shared subscription. The broker deals messages out one by one, so the two copies of a
 * reading (a radio retry) usually land on different instances at the same moment; the per-device state in Redis
 * must let exactly one of them apply it.
 */
@GatewayIntegrationTest
@DirtiesContext
class TwoInstancesTest {

	private static final int DEVICES = 100;

	private static final int ROUNDS = 10;

	private static final String GROUP = "two-instances-" + UUID.randomUUID();

	private static PrivateBroker broker;

	@Autowired
	Sensors sensors;

	@Autowired
	MeterRegistry meters;

	@Autowired
	BrokerConnection connection;

	@Autowired
	DataSource dataSource;

	@Autowired
	LettuceConnectionFactory redis;

	@DynamicPropertySource
	static void sharedSubscription(DynamicPropertyRegistry registry) {
		broker = PrivateBroker.start();
		registry.add("parking.gateway.mqtt.url", broker::url);
		registry.add("parking.gateway.mqtt.shared-group", () -> GROUP);
		registry.add("parking.gateway.debounce", () -> "0s");
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void twoInstancesApplyEveryReadingExactlyOnce() {
		try (ConfigurableApplicationContext second = startSecondInstance()) {
			BrokerConnection secondConnection = second.getBean(BrokerConnection.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> connection.isSubscribed() && secondConnection.isSubscribed());
			List<MeterRegistry> instances = List.of(meters, second.getBean(MeterRegistry.class));
			Map<String, Double> before = totals(instances);
			SensorLot lot = sensors.registerLot(DEVICES, "test-model");

			for (int round = 1; round <= ROUNDS; round++) {
				for (String device : lot.deviceIds()) {
					byte[] reading = Uplinks.status(round, round % 2 == 1);
					sensors.publish(Uplinks.topic(device), reading);
					sensors.publish(Uplinks.topic(device), reading);
				}
				// The next round waits for this one, so no reading can overtake an earlier one of its device.
				int applied = DEVICES * round;
				await().atMost(Duration.ofSeconds(30))
					.until(() -> totals(instances).get("applied") - before.get("applied") >= applied);
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> totals(instances).get("received") - before.get("received") >= 2 * DEVICES * ROUNDS);

			Map<String, Double> after = totals(instances);
			assertThat(after.get("applied") - before.get("applied")).isEqualTo(DEVICES * ROUNDS);
			assertThat(after.get("duplicates") - before.get("duplicates")).isEqualTo(DEVICES * ROUNDS);
			assertThat(after.get("out_of_order") - before.get("out_of_order")).isZero();
			for (MeterRegistry instance : instances) {
				assertThat(count(instance, "gateway.readings.applied")).as("each instance did part of the work")
					.isPositive();
			}
			for (String device : lot.deviceIds()) {
				List<ObservationRow> observations = sensors.observations(device);
				assertThat(observations).hasSize(ROUNDS);
				assertThat(observations).extracting(ObservationRow::seq)
					.containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, ROUNDS).boxed().toList());
			}
		}
	}

	private ConfigurableApplicationContext startSecondInstance() {
		HikariDataSource database = (HikariDataSource) dataSource;
		// Command-line arguments: they outrank application-test.yaml, which the second instance reads as well.
		return new SpringApplicationBuilder(GatewayApplication.class, TestClockConfiguration.class).profiles("test")
			.run("--server.port=0", "--spring.flyway.enabled=false", "--spring.datasource.url=" + database.getJdbcUrl(),
					"--spring.datasource.username=" + database.getUsername(),
					"--spring.data.redis.host=" + redis.getHostName(), "--spring.data.redis.port=" + redis.getPort(),
					"--spring.data.redis.database=" + redis.getDatabase(), "--parking.gateway.mqtt.url=" + broker.url(),
					"--parking.gateway.mqtt.shared-group=" + GROUP, "--parking.gateway.debounce=0s");
	}

	private static Map<String, Double> totals(List<MeterRegistry> instances) {
		return Map.of("received", sum(instances, "gateway.readings.received"), "applied",
				sum(instances, "gateway.readings.applied"), "duplicates", sum(instances, "gateway.readings.duplicates"),
				"out_of_order", sum(instances, "gateway.readings.out_of_order"));
	}

	private static double sum(List<MeterRegistry> instances, String counter) {
		return instances.stream().mapToDouble(instance -> count(instance, counter)).sum();
	}

	private static double count(MeterRegistry instance, String counter) {
		return instance.get(counter).counter().count();
	}
}
