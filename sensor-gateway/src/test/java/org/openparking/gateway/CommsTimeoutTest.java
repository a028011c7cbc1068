package org.openparking.gateway;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openparking.gateway.support.GatewayIntegrationTest;
import org.openparking.gateway.support.Sensors;
import org.openparking.gateway.support.Sensors.ObservationRow;
import org.openparking.gateway.support.TestClock;
import org.openparking.gateway.support.Uplinks;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@GatewayIntegrationTest
class CommsTimeoutTest {

	/** The heartbeat timeout of test-model in the test profile. */
	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	Sensors sensors;

	@Test
	void aSilentSensorIsLostAndReportedBackWhenItReturns() {
		String silent = sensors.register("test-model");
		String chatty = sensors.register("test-model");
		sensors.publish(Uplinks.topic(silent), Uplinks.heartbeat(1));
		sensors.publish(Uplinks.topic(chatty), Uplinks.heartbeat(1));
		await().atMost(PATIENCE).until(() -> sensors.lastSeq(silent) == 1 && sensors.lastSeq(chatty) == 1);

		TestClock.INSTANCE.advance(TIMEOUT.dividedBy(2));
		sensors.publish(Uplinks.topic(chatty), Uplinks.heartbeat(2));
		await().atMost(PATIENCE).until(() -> sensors.lastSeq(chatty) == 2);
		TestClock.INSTANCE.advance(TIMEOUT.dividedBy(2).plusMinutes(1));

		await().atMost(PATIENCE).until(() -> kinds(silent).contains("COMMS_LOST"));
		assertThat(sensors.observations(silent).getFirst().seq()).isEqualTo(1);
		assertThat(sensors.health(silent)).containsEntry("comms", "LOST");
		assertThat(kinds(chatty)).isEmpty();

		sensors.publish(Uplinks.topic(silent), Uplinks.status(2, true));
		await().atMost(PATIENCE).until(() -> kinds(silent).contains("COMMS_RESTORED"));
		assertThat(sensors.health(silent)).containsEntry("comms", "OK");
		// The spot's state was unknown while the sensor was away, so its first stable reading counts again.
		TestClock.INSTANCE.advance(Duration.ofSeconds(31));
		await().atMost(PATIENCE).until(() -> kinds(silent).contains("OCCUPANCY"));
		assertThat(kinds(silent)).containsExactly("COMMS_LOST", "COMMS_RESTORED", "OCCUPANCY");
	}

	private List<String> kinds(String device) {
		return sensors.observations(device).stream().map(ObservationRow::kind).toList();
	}
}
