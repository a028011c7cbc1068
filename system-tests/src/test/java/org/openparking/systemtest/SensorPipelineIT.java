package org.openparking.systemtest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sensor uplinks through the real processes: MQTT client → Mosquitto → sensor-gateway → PostgreSQL → api → GraphQL
 * over HTTP and WebSocket.
 */
class SensorPipelineIT {

	@RegisterExtension
	static final RunningSystem system = RunningSystem.builder().build();

	private static final String CREATE_LOT = """
			mutation($input: CreateLotInput!) { createLot(input: $input) { lot { id } userErrors { code message field } } }""";

	private static final String ADD_SPOTS = """
			mutation($input: AddSpotsInput!) { addSpots(input: $input) { spots { id code } userErrors { code message field } } }""";

	private static final String REGISTER_SENSOR = """
			mutation($input: RegisterSensorInput!) {
			  registerSensor(input: $input) { sensor { deviceId spot { id } } userErrors { code message field } } }""";

	private static final String DEAD_LETTERS = """
			query($lotId: ID) { deadLetters(lotId: $lotId) { edges { node { deviceId reason topic payloadSize } } } }""";

	private static final String OBSERVATIONS = """
			subscription($lotId: ID!) { spotObservationChanged(lotId: $lotId) { spotId lotId state observedAt source deviceId } }""";

	private static final String ALERTS = """
			subscription($lotId: ID!) { alertRaised(lotId: $lotId) { id lotId kind status deviceId spot { id } } }""";

	private final GraphQlClient graphQl = system.graphQl();

	private final String operator = system.token("operator-" + UUID.randomUUID(), "OPERATOR");

	/** Issue 3: the reading turns the spot OCCUPIED and an UNEXPECTED_OCCUPANCY alert arrives on a subscription. */
	@Test
	void aReadingTurnsTheSpotOccupiedAndRaisesUnexpectedOccupancyLive() {
		String lotId = newLot();
		String spotId = newSpot(lotId);
		String deviceId = registeredSensor(spotId);

		try (GraphQlSubscriptions live = system.subscriptions(operator);
				SensorUplinks sensor = new SensorUplinks(system.mqttUrl())) {
			String observations = live.subscribe(OBSERVATIONS, Map.of("lotId", lotId));
			String alerts = live.subscribe(ALERTS, Map.of("lotId", lotId));
			sensor.publish(deviceId, SensorUplinks.status(true, 1, Instant.now()));

			JsonNode observed = live.await(observations, Duration.ofSeconds(30),
					data -> "OCCUPIED".equals(data.path("spotObservationChanged").path("state").asString()))
				.path("spotObservationChanged");
			assertThat(observed.path("spotId").asString()).isEqualTo(spotId);
			assertThat(observed.path("source").asString()).isEqualTo("SENSOR");
			assertThat(observed.path("deviceId").asString()).isEqualTo(deviceId);

			JsonNode alert = live.await(alerts, Duration.ofSeconds(30),
					data -> "UNEXPECTED_OCCUPANCY".equals(data.path("alertRaised").path("kind").asString()))
				.path("alertRaised");
			assertThat(alert.path("spot").path("id").asString()).isEqualTo(spotId);
			assertThat(alert.path("status").asString()).isEqualTo("OPEN");
		}
	}

	/** The operator registers a device and learns from deadLetters that its firmware sends garbage. */
	@Test
	void aRegisteredDevicesGarbageIsDeadLettered() throws InterruptedException {
		String lotId = newLot();
		String deviceId = registeredSensor(newSpot(lotId));
		try (SensorUplinks sensor = new SensorUplinks(system.mqttUrl())) {
			sensor.publish(deviceId, "{\"type\":\"status\",\"occupied\":");
		}
		Instant deadline = Instant.now().plusSeconds(30);
		JsonNode edges;
		do {
			Thread.sleep(200);
			edges = graphQl.data(operator, DEAD_LETTERS, Map.of("lotId", lotId), "deadLetters").path("edges");
		}
		while (edges.isEmpty() && Instant.now().isBefore(deadline));
		assertThat(edges.size()).as("dead letters of the lot").isOne();
		assertThat(edges.path(0).path("node").path("deviceId").asString()).isEqualTo(deviceId);
		assertThat(edges.path(0).path("node").path("reason").asString()).isEqualTo("MALFORMED_JSON");
	}

	private String newLot() {
		return graphQl.data(operator, CREATE_LOT, Map.of("input", lot()), "createLot").path("lot").path("id").asString();
	}

	private String newSpot(String lotId) {
		return graphQl.data(operator, ADD_SPOTS, Map.of("input", Map.of("lotId", lotId, "levelCode", "L0", "spots",
				List.of(Map.of("code", "A001", "spotClass", "STANDARD")))), "addSpots")
			.path("spots").path(0).path("id").asString();
	}

	private String registeredSensor(String spotId) {
		String deviceId = "sys-" + UUID.randomUUID();
		graphQl.data(operator, REGISTER_SENSOR, Map.of("input", Map.of("deviceId", deviceId, "spotId", spotId, "model",
				"system-test")), "registerSensor");
		return deviceId;
	}

	private static Map<String, Object> lot() {
		return Map.of("name", "System test " + UUID.randomUUID(), "address",
				Map.of("city", "Berlin", "countryCode", "DE"), "location", Map.of("latitude", 52.5, "longitude", 13.4),
				"timeZone", "Europe/Berlin", "levels", List.of(Map.of("code", "L0", "name", "Ground", "ordinal", 0)));
	}
}
