package org.openparking.api.sensing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.openparking.api.security.LocalTokens;
import org.openparking.api.security.Role;
import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.GraphQlHttp;
import org.openparking.api.support.GraphQlWebSocket;
import org.openparking.api.support.LotFixtures;
import org.openparking.api.support.LotFixtures.TestLot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.live.LiveTestSupport.awaitRedisSubscribers;
import static org.openparking.api.live.LiveTestSupport.data;
import static org.openparking.api.live.LiveTestSupport.errorClassification;

/** The gateway hands off a reading; the api applies it, raises the alert and keeps drivers off the spot. */
@ApiIntegrationTest
class UnexpectedOccupancyTest {

	static final String ALERTS = """
			subscription($lotId: ID!) {
			  alertRaised(lotId: $lotId) { id lotId kind status message spot { id code } raisedAt resolvedBy }
			}""";

	static final String OBSERVATIONS = """
			subscription($lotId: ID!) { spotObservationChanged(lotId: $lotId) { spotId state source deviceId observedAt } }""";

	static final String AVAILABILITY = """
			subscription($lotId: ID!) { availabilityChanged(lotId: $lotId) { freeNow { spotClass free total } } }""";

	static final String SPOTS = """
			query($id: ID!) { lot(id: $id) { occupancy { occupied free unknown occupancyPercent } activeAlertCount
			  levels { spots { id code observation { state source deviceId observedAt } } } } }""";

	static final String SEARCH = """
			query($input: SpotSearchInput!) { searchSpots(input: $input, first: 50) { edges { node { spot { id } } } } }""";

	@LocalServerPort
	int port;

	@Autowired
	LocalTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void anUnbookedCarRaisesAnAlertShowsOccupiedAndLeavesSearchUntilItLeaves() {
		String operator = "op-" + UUID.randomUUID();
		TestLot lot = new LotFixtures(jdbc).lot(operator, 3);
		UUID taken = lot.spotIds().get(0);
		UUID other = lot.spotIds().get(1);
		SensorFeed feed = new SensorFeed(jdbc);
		String device = feed.register(lot.id(), taken);
		String otherDevice = feed.register(lot.id(), other);
		String operatorToken = tokens.mint(operator, Role.OPERATOR);
		String driverToken = tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER);
		GraphQlHttp http = new GraphQlHttp(port);
		try (GraphQlWebSocket client = GraphQlWebSocket.connect(port, operatorToken)) {
			String alerts = client.subscribe(ALERTS, Map.of("lotId", lot.id().toString()));
			String observations = client.subscribe(OBSERVATIONS, Map.of("lotId", lot.id().toString()));
			String availability = client.subscribe(AVAILABILITY, Map.of("lotId", lot.id().toString()));
			assertThat(freeNow(client.next(availability, SensorFeed.WAIT))).isEqualTo(3);
			awaitRedisSubscribers(redis, "park:live:alerts:" + lot.id(), 1);
			awaitRedisSubscribers(redis, "park:live:observations:" + lot.id(), 1);

			Instant seen = Instant.now().minusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
			feed.occupancy(otherDevice, lot.id(), other, false, seen); // the other spot: seen free
			feed.occupancy(device, lot.id(), taken, true, seen);

			JsonNode alert = data(client.next(alerts, SensorFeed.WAIT), "alertRaised");
			assertThat(alert.path("kind").asString()).isEqualTo("UNEXPECTED_OCCUPANCY");
			assertThat(alert.path("status").asString()).isEqualTo("OPEN");
			assertThat(alert.at("/spot/id").asString()).isEqualTo(taken.toString());
			assertThat(alert.at("/spot/code").asString()).isEqualTo("S001");
			JsonNode first = data(client.next(observations, SensorFeed.WAIT), "spotObservationChanged");
			JsonNode second = data(client.next(observations, SensorFeed.WAIT), "spotObservationChanged");
			assertThat(List.of(first.path("state").asString(), second.path("state").asString()))
				.containsExactly("FREE", "OCCUPIED");
			assertThat(second.path("spotId").asString()).isEqualTo(taken.toString());

			JsonNode spots = http.execute(driverToken, SPOTS, Map.of("id", lot.id().toString()));
			JsonNode observed = spots.at("/data/lot/levels/0/spots");
			assertThat(observed.get(0).at("/observation/state").asString()).as(spots.toString()).isEqualTo("OCCUPIED");
			assertThat(observed.get(0).at("/observation/source").asString()).isEqualTo("SENSOR");
			assertThat(observed.get(0).at("/observation/deviceId").asString()).isEqualTo(device);
			assertThat(Instant.parse(observed.get(0).at("/observation/observedAt").asString())).isEqualTo(seen);
			assertThat(observed.get(2).at("/observation/state").asString()).isEqualTo("UNKNOWN");
			assertThat(observed.get(2).at("/observation/source").asString()).isEqualTo("NO_SENSOR");
			assertThat(spots.at("/data/lot/occupancy/occupied").asInt()).isEqualTo(1);
			assertThat(spots.at("/data/lot/occupancy/free").asInt()).isEqualTo(1);
			assertThat(spots.at("/data/lot/occupancy/unknown").asInt()).isEqualTo(1);
			assertThat(spots.at("/data/lot/occupancy/occupancyPercent").asDouble()).isEqualTo(50.0);
			assertThat(spots.at("/data/lot/activeAlertCount").asInt()).isEqualTo(1);

			assertThat(searchNow(http, driverToken, lot)).doesNotContain(taken.toString()).contains(other.toString());
			assertThat(awaitFreeNow(client, availability, 2)).as("the blocked spot is not free now").isEqualTo(2);
			JsonNode hold = http.execute(driverToken, """
					mutation($input: HoldSpotInput!) { holdSpot(input: $input) { hold { id } userErrors { code } } }""",
					Map.of("input", Map.of("spotId", taken.toString(), "from", Instant.now().plusSeconds(60).toString(),
							"to", Instant.now().plus(Duration.ofHours(1)).toString())));
			assertThat(hold.at("/data/holdSpot/userErrors/0/code").asString()).as(hold.toString())
				.isEqualTo("SPOT_TAKEN");
			// Tomorrow is not affected: only now is.
			assertThat(search(http, driverToken, lot, Instant.now().plus(Duration.ofDays(1)))).contains(taken.toString());

			feed.occupancy(device, lot.id(), taken, false, Instant.now());
			JsonNode resolved = data(client.next(alerts, SensorFeed.WAIT), "alertRaised");
			assertThat(resolved.path("id").asString()).isEqualTo(alert.path("id").asString());
			assertThat(resolved.path("status").asString()).isEqualTo("RESOLVED");
			assertThat(resolved.path("resolvedBy").asString()).isEqualTo("system");
			assertThat(searchNow(http, driverToken, lot)).contains(taken.toString());
		}
	}

	/** Recounts are coalesced, not one per observation: the last one seen when {@code expected} or time is up. */
	private static int awaitFreeNow(GraphQlWebSocket client, String subscription, int expected) {
		Instant deadline = Instant.now().plus(SensorFeed.WAIT);
		int free = -1;
		while (free != expected && Instant.now().isBefore(deadline)) {
			JsonNode message = client.poll(subscription, Duration.between(Instant.now(), deadline));
			if (message == null) {
				break;
			}
			free = freeNow(message);
		}
		return free;
	}

	private static int freeNow(JsonNode message) {
		int free = 0;
		for (JsonNode byClass : data(message, "availabilityChanged").path("freeNow")) {
			free += byClass.path("free").asInt();
		}
		return free;
	}

	@Test
	void aRepeatedOrStaleObservationChangesNothing() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		UUID spot = lot.spotIds().getFirst();
		SensorFeed feed = new SensorFeed(jdbc);
		String device = feed.register(lot.id(), spot);
		Instant seen = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
		long first = feed.occupancy(device, lot.id(), spot, true, seen);
		feed.awaitApplied(first);
		Map<String, Object> before = state(spot);

		// Applied a second time (the watermark moved back, as after a pass lost in a crash): nothing changes.
		jdbc.sql("update sensing_cursor set watermark = least(watermark, ?)").param(first - 1).update();
		jdbc.sql("select pg_notify('sensor_observation', '{}')").query((rs, n) -> 1).list();
		feed.awaitApplied(first);
		// The same reading again, and an older one saying free: neither changes the state.
		feed.awaitApplied(feed.occupancy(device, lot.id(), spot, true, seen.plusSeconds(5)));
		feed.awaitApplied(feed.occupancy(device, lot.id(), spot, false, seen.minusSeconds(60)));

		assertThat(state(spot)).isEqualTo(before);
		assertThat(before.get("state")).isEqualTo("OCCUPIED");
		assertThat(count("select count(*) from alert where spot_id = ?", spot)).isEqualTo(1);
		assertThat(count("select count(*) from spot_stay where spot_id = ?", spot)).isEqualTo(1);
	}

	@Test
	void alertsNeedTheLotsOperator() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		try (GraphQlWebSocket stranger = GraphQlWebSocket.connect(port,
				tokens.mint("op-" + UUID.randomUUID(), Role.OPERATOR));
				GraphQlWebSocket driver = GraphQlWebSocket.connect(port, tokens.mint("d-" + UUID.randomUUID(), Role.DRIVER))) {
			String id = stranger.subscribe(ALERTS, Map.of("lotId", lot.id().toString()));
			assertThat(errorClassification(stranger.next(id, SensorFeed.WAIT))).isEqualTo("FORBIDDEN");
			String driverId = driver.subscribe(ALERTS, Map.of("lotId", lot.id().toString()));
			assertThat(errorClassification(driver.next(driverId, SensorFeed.WAIT))).isEqualTo("FORBIDDEN");
		}
	}

	private List<String> searchNow(GraphQlHttp http, String token, TestLot lot) {
		return search(http, token, lot, Instant.now().plusSeconds(60));
	}

	private List<String> search(GraphQlHttp http, String token, TestLot lot, Instant from) {
		JsonNode result = http.execute(token, SEARCH, Map.of("input", Map.of("lotId", lot.id().toString(), "from",
				from.toString(), "to", from.plus(Duration.ofHours(1)).toString())));
		List<String> ids = new java.util.ArrayList<>();
		result.at("/data/searchSpots/edges").forEach(edge -> ids.add(edge.at("/node/spot/id").asString()));
		assertThat(result.has("errors")).as(result.toString()).isFalse();
		return ids;
	}

	private Map<String, Object> state(UUID spot) {
		return jdbc.sql("select state, source, device_id, observed_at, applied_at from spot_observation where spot_id = ?")
			.param(spot)
			.query()
			.singleRow();
	}

	private long count(String sql, UUID spot) {
		return jdbc.sql(sql).param(spot).query(Long.class).single();
	}
}
