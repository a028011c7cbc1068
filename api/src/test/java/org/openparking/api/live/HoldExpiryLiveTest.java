package org.openparking.api.live;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.live.LiveTestSupport.SPOT_STATUS;
import static org.openparking.api.live.LiveTestSupport.WAIT;
import static org.openparking.api.live.LiveTestSupport.awaitRedisSubscribers;
import static org.openparking.api.live.LiveTestSupport.data;

/** End to end with the real holds module: a hold nobody pays for expires, and subscribers see the spot free again. */
@ApiIntegrationTest
@TestPropertySource(properties = "parking.holds.ttl=2s")
class HoldExpiryLiveTest {

	@LocalServerPort
	int port;

	@Autowired
	LocalTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void anExpiredHoldFreesTheSpotForEverySubscriber() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		UUID spot = lot.spotIds().getFirst();
		String driver = tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER);
		try (GraphQlWebSocket client = GraphQlWebSocket.connect(port, driver)) {
			String id = client.subscribe(SPOT_STATUS, Map.of("lotId", lot.id().toString()));
			awaitRedisSubscribers(redis, LiveTestSupport.lotChannel(lot.id()), 1);

			Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			JsonNode held = new GraphQlHttp(port).execute(driver, """
					mutation($input: HoldSpotInput!) { holdSpot(input: $input) { hold { id } userErrors { code } } }""",
					Map.of("input", Map.of("spotId", spot.toString(), "from", from.toString(), "to",
							from.plus(Duration.ofHours(1)).toString())));
			assertThat(held.at("/data/holdSpot/hold/id").isString()).as(held.toString()).isTrue();

			JsonNode placed = data(client.next(id, WAIT), "spotStatusChanged");
			assertThat(placed.path("cause").asString()).isEqualTo("HELD");
			assertThat(placed.path("commercialState").asString()).isEqualTo("HELD");

			JsonNode expired = data(client.next(id, WAIT), "spotStatusChanged");
			assertThat(expired.path("spotId").asString()).isEqualTo(spot.toString());
			assertThat(expired.path("cause").asString()).isEqualTo("HOLD_EXPIRED");
			assertThat(expired.path("commercialState").asString()).isEqualTo("FREE");
		}
	}
}
