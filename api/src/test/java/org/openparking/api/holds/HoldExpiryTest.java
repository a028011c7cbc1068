package org.openparking.api.holds;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.openparking.api.holds.HoldTestSupport.RecordedEvents;
import org.openparking.api.security.LocalTokens;
import org.openparking.api.security.Role;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.GraphQlHttp;
import org.openparking.api.support.LotFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.holds.HoldTestSupport.holdSpot;
import static org.openparking.api.holds.HoldTestSupport.namedSpot;
import static org.openparking.api.holds.HoldTestSupport.outcome;

/** A hold nobody acts on expires: the spot is free, and HoldExpired is published once. */
@ApiIntegrationTest
@Import(RecordedEvents.class)
@TestPropertySource(properties = { "parking.holds.ttl=1s", "parking.holds.sweep-interval=100ms" })
class HoldExpiryTest {

	@LocalServerPort
	int port;

	@Autowired
	LocalTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Holds holds;

	@Autowired
	RecordedEvents recorded;

	@Test
	void anExpiredHoldFreesTheSpotAndIsPublishedOnce() throws InterruptedException {
		GraphQlHttp graphQl = new GraphQlHttp(port);
		UUID spot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1).spotIds().getFirst();
		Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
		TimeWindow window = new TimeWindow(from, from.plus(Duration.ofHours(2)));
		JsonNode held = holdSpot(graphQl, tokens.mint("slow-" + UUID.randomUUID(), Role.DRIVER),
				namedSpot(spot, window));
		HoldId id = HoldId.parse(held.at("/hold/id").asString());

		List<HoldExpired> expired = awaitExpiryOf(id, Duration.ofSeconds(10));
		Thread.sleep(500); // a few more sweeps, which must not publish it again

		assertThat(expired).hasSize(1);
		assertThat(recorded.of(HoldExpired.class).stream().filter(event -> event.hold().id().equals(id))).hasSize(1);
		assertThat(expired.getFirst().hold().window()).isEqualTo(window);
		assertThat(holds.find(id)).isEmpty();
		assertThat(outcome(holdSpot(graphQl, tokens.mint("next-" + UUID.randomUUID(), Role.DRIVER),
				namedSpot(spot, window)))).isEqualTo("HELD");
	}

	private List<HoldExpired> awaitExpiryOf(HoldId id, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			List<HoldExpired> expired = recorded.of(HoldExpired.class)
				.stream()
				.filter(event -> event.hold().id().equals(id))
				.toList();
			if (!expired.isEmpty()) {
				return expired;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("HoldExpired was not published within " + timeout);
	}
}
