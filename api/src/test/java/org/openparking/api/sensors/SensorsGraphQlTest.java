package org.openparking.api.sensors;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openparking.api.bookings.BookingTestSupport;
import org.openparking.api.security.Role;
import org.openparking.api.support.GraphQlHttp;
import org.openparking.api.support.GraphQlWebSocket;
import org.openparking.api.support.LotFixtures.TestLot;
import org.openparking.api.support.PipelineIntegrationTest;
import org.openparking.api.support.SqlStatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.live.LiveTestSupport.WAIT;
import static org.openparking.api.live.LiveTestSupport.awaitRedisSubscribers;
import static org.openparking.api.live.LiveTestSupport.data;
import static org.openparking.api.lots.LotAdminApi.errorType;
import static org.openparking.api.lots.LotAdminApi.payload;

/**
 * registerSensor / removeSensor, sensors, deadLetters and the Sensor associations, over real HTTP and PostgreSQL
 * (the booking tests' support for the server, tokens and fixtures).
 */
@PipelineIntegrationTest
class SensorsGraphQlTest extends BookingTestSupport {

	private static final String SENSOR = """
			deviceId model registeredAt spot { id code }
			health { lastSeenAt batteryVolts batteryPercent lowBattery rssi snr firmware lastStartupAt comms commsChangedAt }""";

	private static final String REGISTER = "mutation($input: RegisterSensorInput!) { registerSensor(input: $input) "
			+ "{ sensor { " + SENSOR + " } userErrors { code message field } } }";

	private static final String REMOVE = "mutation($input: RemoveSensorInput!) { removeSensor(input: $input) "
			+ "{ deviceId userErrors { code message field } } }";

	private static final String SENSORS = """
			query($lotId: ID!, $first: Int, $after: String) { sensors(lotId: $lotId, first: $first, after: $after) {
			  edges { cursor node { %s recentReadings(first: 2) { kind occupied observedAt receivedAt } } }
			  pageInfo { hasNextPage endCursor } } }""".formatted(SENSOR);

	private static final String DEAD_LETTERS = """
			query($lotId: ID, $first: Int, $after: String) { deadLetters(lotId: $lotId, first: $first, after: $after) {
			  edges { node { id receivedAt topic deviceId reason detail payloadSize payloadExcerpt } }
			  pageInfo { hasNextPage endCursor } } }""";

	private static final String SPOTS_OF_LOT = """
			query($id: ID!) { lot(id: $id) { levels { spots { code sensor { deviceId spot { code } } } } } }""";

	@Autowired
	SqlStatementCounter statements;

	@Autowired
	StringRedisTemplate redis;

	GraphQlHttp http;

	String operatorId;

	String operator;

	String otherOperator;

	TestLot lot;

	@BeforeEach
	void setUp() {
		http = new GraphQlHttp(port);
		operatorId = "operator-" + UUID.randomUUID();
		operator = tokens.mint(operatorId, Role.OPERATOR);
		otherOperator = tokens.mint("operator-" + UUID.randomUUID(), Role.OPERATOR);
		lot = lots.lot(operatorId, 3);
	}

	@Test
	void registryChangesReachObservationSubscribers() {
		String device = device();
		try (GraphQlWebSocket client = GraphQlWebSocket.connect(port, operator)) {
			String observations = client.subscribe("""
					subscription($lotId: ID!) { spotObservationChanged(lotId: $lotId) { spotId state source deviceId } }""",
					Map.of("lotId", lot.id().toString()));
			awaitRedisSubscribers(redis, "park:live:observations:" + lot.id(), 1);

			payload(register(operator, device, lot.spotIds().get(0), "acme"), "registerSensor");
			assertThat(observed(client, observations)).containsExactly(lot.spotIds().get(0) + " UNKNOWN SENSOR " + device);

			payload(register(operator, device, lot.spotIds().get(1), "acme"), "registerSensor");
			assertThat(List.of(observed(client, observations), observed(client, observations)))
				.flatMap(List::copyOf)
				.containsExactlyInAnyOrder(lot.spotIds().get(1) + " UNKNOWN SENSOR " + device,
						lot.spotIds().get(0) + " UNKNOWN NO_SENSOR null");

			payload(http.execute(operator, REMOVE, Map.of("input", Map.of("deviceId", device))), "removeSensor");
			assertThat(observed(client, observations))
				.containsExactly(lot.spotIds().get(1) + " UNKNOWN NO_SENSOR null");
		}
	}

	private static List<String> observed(GraphQlWebSocket client, String subscription) {
		JsonNode event = data(client.next(subscription, WAIT), "spotObservationChanged");
		JsonNode device = event.path("deviceId");
		return List.of(event.path("spotId").asString() + " " + event.path("state").asString() + " "
				+ event.path("source").asString() + " " + (device.isNull() ? "null" : device.asString()));
	}

	@Test
	void anOperatorRegistersMovesAndRemovesASensorOfTheirLot() {
		String device = device();
		JsonNode sensor = payload(register(operator, device, lot.spotIds().get(0), "acme-p1"), "registerSensor")
			.path("sensor");
		assertThat(sensor.path("deviceId").asString()).isEqualTo(device);
		assertThat(sensor.path("model").asString()).isEqualTo("acme-p1");
		assertThat(sensor.path("spot").path("code").asString()).isEqualTo("S001");
		assertThat(sensor.path("health").isNull()).isTrue();
		assertThat(jdbc.sql("select spot_id from sensor_device where device_id = ?").param(device).query(UUID.class)
			.single()).as("the registry the gateway reads").isEqualTo(lot.spotIds().get(0));

		JsonNode moved = payload(register(operator, device, lot.spotIds().get(1), "acme-p2"), "registerSensor")
			.path("sensor");
		assertThat(moved.path("spot").path("code").asString()).isEqualTo("S002");
		assertThat(moved.path("model").asString()).isEqualTo("acme-p2");

		JsonNode spots = http.execute(operator, SPOTS_OF_LOT, Map.of("id", lot.id().toString()));
		assertThat(spots.path("data").path("lot").path("levels").path(0).path("spots").findValuesAsString("deviceId"))
			.containsExactly(device);
		JsonNode anonymous = http.execute(null, SPOTS_OF_LOT, Map.of("id", lot.id().toString()));
		assertThat(anonymous.path("errors").isMissingNode()).as("%s", anonymous).isTrue();
		assertThat(anonymous.findValuesAsString("deviceId")).as("only the lot's operator sees device ids").isEmpty();
		assertThat(http.execute(otherOperator, SPOTS_OF_LOT, Map.of("id", lot.id().toString()))
			.findValuesAsString("deviceId")).isEmpty();

		assertThat(payload(http.execute(operator, REMOVE, Map.of("input", Map.of("deviceId", device))), "removeSensor")
			.path("deviceId").asString()).isEqualTo(device);
		assertThat(sensors(operator, lot.id(), null).path("data").path("sensors").path("edges").size()).isZero();
		assertThat(userError(http.execute(operator, REMOVE, Map.of("input", Map.of("deviceId", device))), "removeSensor")
			.path("code").asString()).isEqualTo("NOT_FOUND");
	}

	@Test
	void anotherOperatorIsForbidden() {
		String device = device();
		payload(register(operator, device, lot.spotIds().get(0), "acme"), "registerSensor");
		assertThat(errorType(register(otherOperator, device(), lot.spotIds().get(1), "acme"))).isEqualTo("FORBIDDEN");
		assertThat(errorType(sensors(otherOperator, lot.id(), null))).isEqualTo("FORBIDDEN");
		assertThat(errorType(deadLetters(otherOperator, lot.id(), null))).isEqualTo("FORBIDDEN");
		assertThat(errorType(http.execute(otherOperator, REMOVE, Map.of("input", Map.of("deviceId", device)))))
			.isEqualTo("FORBIDDEN");
		assertThat(errorType(sensors(tokens.mint(operatorId, Role.DRIVER), lot.id(), null))).isEqualTo("FORBIDDEN");
		assertThat(errorType(deadLetters(operator, null, null))).as("every lot's dead letters: administrators only")
			.isEqualTo("FORBIDDEN");
		assertThat(errorType(sensors(otherOperator, UUID.randomUUID(), null))).as("an unknown lot reveals nothing")
			.isEqualTo("FORBIDDEN");
		String admin = tokens.mint("admin-" + UUID.randomUUID(), Role.ADMIN);
		assertThat(sensors(admin, lot.id(), null).path("data").path("sensors").path("edges").size()).isOne();
	}

	@Test
	void badInputsAreTypedUserErrors() {
		assertInvalid(userError(register(operator, "bad id!", lot.spotIds().get(0), "acme"), "registerSensor"), "deviceId");
		assertInvalid(userError(register(operator, "x".repeat(65), lot.spotIds().get(0), "acme"), "registerSensor"), "deviceId");
		assertInvalid(userError(register(operator, device(), lot.spotIds().get(0), " "), "registerSensor"), "model");
		Map<String, Object> input = new HashMap<>(Map.of("deviceId", device(), "spotId", "not-a-uuid", "model", "m"));
		assertInvalid(userError(http.execute(operator, REGISTER, Map.of("input", input)), "registerSensor"), "spotId");
		JsonNode unknownSpot = userError(register(operator, device(), UUID.randomUUID(), "acme"), "registerSensor");
		assertThat(unknownSpot.path("code").asString()).isEqualTo("NOT_FOUND");

		String first = device();
		payload(register(operator, first, lot.spotIds().get(0), "acme"), "registerSensor");
		JsonNode secondOnSpot = userError(register(operator, device(), lot.spotIds().get(0), "acme"), "registerSensor");
		assertInvalid(secondOnSpot, "spotId");
		assertThat(secondOnSpot.path("message").asString()).contains(first);
	}

	@Test
	void aDeviceOfAnotherOperatorsLotIsTaken() {
		String device = device();
		payload(register(operator, device, lot.spotIds().get(0), "acme"), "registerSensor");
		String otherId = "operator-" + UUID.randomUUID();
		TestLot otherLot = lots.lot(otherId, 1);
		JsonNode taken = userError(register(tokens.mint(otherId, Role.OPERATOR), device, otherLot.spotIds().get(0),
				"acme"), "registerSensor");
		assertThat(taken.path("code").asString()).isEqualTo("SENSOR_TAKEN");
		assertThat(taken.path("field").valueStream().map(JsonNode::asString).toList())
			.containsExactly("input", "deviceId");

		TestLot secondOwnLot = lots.lot(operatorId, 1);
		assertThat(payload(register(operator, device, secondOwnLot.spotIds().get(0), "acme"), "registerSensor")
			.path("sensor").path("spot").path("id").asString())
			.as("moving between one's own lots is fine").isEqualTo(secondOwnLot.spotIds().getFirst().toString());
	}

	@Test
	void healthReadingsAndDeadLettersAsTheGatewayWroteThem() {
		String device = device();
		payload(register(operator, device, lot.spotIds().get(0), "acme"), "registerSensor");
		Instant now = Instant.now();
		jdbc.sql("""
				insert into sensor_health (device_id, last_seen_at, last_reading_at, last_seq, battery_volts, low_battery,
				rssi, snr, firmware, comms, updated_at) values (?, ?, ?, 7, 3.61, false, -71, 9.5, '1.4.2', 'OK', ?)""")
			.params(device, at(now), at(now), at(now))
			.update();
		for (int seq = 1; seq <= 3; seq++) {
			observation(device, lot, seq, seq % 2 == 1, now.minusSeconds(60 - seq));
		}
		JsonNode node = sensors(operator, lot.id(), null).path("data").path("sensors").path("edges").path(0).path("node");
		assertThat(node.path("health").path("batteryVolts").asDouble()).isEqualTo(3.61);
		assertThat(node.path("health").path("rssi").asDouble()).isEqualTo(-71.0);
		assertThat(node.path("health").path("comms").asString()).isEqualTo("OK");
		assertThat(node.path("health").path("firmware").asString()).isEqualTo("1.4.2");
		JsonNode readings = node.path("recentReadings");
		assertThat(readings.size()).isEqualTo(2);
		assertThat(readings.path(0).path("occupied").asBoolean()).as("newest first: seq 3").isTrue();
		assertThat(readings.path(1).path("occupied").asBoolean()).isFalse();

		for (int i = 0; i < 3; i++) {
			jdbc.sql("""
					insert into sensor_dead_letter (received_at, topic, device_id, reason, detail, payload_size,
					payload_excerpt) values (?, ?, ?, 'MALFORMED_JSON', 'not JSON', 4, ?)""")
				.params(at(now.plusMillis(i)), "parking/v1/sensors/" + device + "/up", device,
						new byte[] { 'a', (byte) 0xff, 'b', (byte) ('0' + i) })
				.update();
		}
		JsonNode page = deadLetters(operator, lot.id(), 2).path("data").path("deadLetters");
		assertThat(page.path("edges").size()).isEqualTo(2);
		assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		JsonNode newest = page.path("edges").path(0).path("node");
		assertThat(newest.path("reason").asString()).isEqualTo("MALFORMED_JSON");
		assertThat(newest.path("payloadExcerpt").asString()).isEqualTo("a\uFFFDb2");
		JsonNode rest = http.execute(operator, DEAD_LETTERS, Map.of("lotId", lot.id().toString(), "first", 2, "after",
				page.path("pageInfo").path("endCursor").asString()));
		assertThat(rest.path("data").path("deadLetters").path("edges").size()).isOne();
		assertThat(rest.findValuesAsString("payloadExcerpt")).containsExactly("a\uFFFDb0");
		String admin = tokens.mint("admin-" + UUID.randomUUID(), Role.ADMIN);
		assertThat(deadLetters(admin, null, 1).path("data").path("deadLetters").path("edges").size()).isOne();
	}

	@Test
	void sensorsAreBatchLoaded() {
		TestLot big = lots.lot(operatorId, 12);
		for (int i = 0; i < 12; i++) {
			String device = device();
			payload(register(operator, device, big.spotIds().get(i), "acme"), "registerSensor");
			observation(device, big, 1, true, Instant.now().minusSeconds(10));
		}
		long forTwo = fewestStatements(() -> sensors(operator, big.id(), 2), 2);
		long forTwelve = fewestStatements(() -> sensors(operator, big.id(), 12), 12);
		assertThat(forTwelve).as("statements for 2 sensors: %d, for 12: %d", forTwo, forTwelve).isEqualTo(forTwo);

		long spotsForLot = fewestStatements(() -> http.execute(operator, SPOTS_OF_LOT, Map.of("id", big.id().toString())),
				0);
		assertThat(spotsForLot).isLessThanOrEqualTo(8);
	}

	private long fewestStatements(java.util.function.Supplier<JsonNode> query, int expectedEdges) {
		return LongStream.range(0, 3).map(run -> {
			statements.reset();
			JsonNode response = query.get();
			long count = statements.count();
			assertThat(response.path("errors").isMissingNode()).as("errors: %s", response).isTrue();
			if (expectedEdges > 0) {
				assertThat(response.path("data").path("sensors").path("edges").size()).isEqualTo(expectedEdges);
				assertThat(response.findValuesAsString("code")).hasSize(expectedEdges);
			}
			return count;
		}).min().orElseThrow();
	}

	private void observation(String device, TestLot lot, int seq, boolean occupied, Instant observedAt) {
		jdbc.sql("""
				insert into sensor_observation (device_id, lot_id, spot_id, kind, occupied, observed_at, received_at,
				handed_off_at, seq) values (?, ?, ?, 'OCCUPANCY', ?, ?, ?, ?, ?)""")
			.params(device, lot.id(), lot.spotIds().get(0), occupied, at(observedAt), at(observedAt), at(observedAt), seq)
			.update();
	}

	private JsonNode register(String token, String device, UUID spotId, String model) {
		return http.execute(token, REGISTER,
				Map.of("input", Map.of("deviceId", device, "spotId", spotId.toString(), "model", model)));
	}

	private JsonNode sensors(String token, UUID lotId, Integer first) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("lotId", lotId.toString());
		variables.put("first", first);
		return http.execute(token, SENSORS, variables);
	}

	private JsonNode deadLetters(String token, UUID lotId, Integer first) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("lotId", lotId == null ? null : lotId.toString());
		variables.put("first", first);
		return http.execute(token, DEAD_LETTERS, variables);
	}

	static JsonNode userError(JsonNode response, String mutation) {
		assertThat(response.path("errors").isMissingNode()).as("GraphQL errors: %s", response).isTrue();
		JsonNode errors = response.path("data").path(mutation).path("userErrors");
		assertThat(errors.size()).as("user errors: %s", response).isOne();
		return errors.path(0);
	}

	private static void assertInvalid(JsonNode error, String field) {
		assertThat(error.path("code").asString()).isEqualTo("INVALID_INPUT");
		assertThat(error.path("field").valueStream().map(JsonNode::asString).toList()).containsExactly("input", field);
	}

	private static String device() {
		return "dev-" + UUID.randomUUID().toString().substring(0, 13);
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
