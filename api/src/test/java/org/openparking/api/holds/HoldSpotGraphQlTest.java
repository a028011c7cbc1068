package org.openparking.api.holds;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.openparking.api.holds.HoldTestSupport.RecordedEvents;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.security.LocalTokens;
import org.openparking.api.security.Role;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.GraphQlHttp;
import org.openparking.api.support.LotFixtures;
import org.openparking.api.support.LotFixtures.TestLot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.holds.HoldTestSupport.holdSpot;
import static org.openparking.api.holds.HoldTestSupport.namedSpot;
import static org.openparking.api.holds.HoldTestSupport.outcome;

/** holdSpot and releaseHold over real HTTP, PostgreSQL and Redis. */
@ApiIntegrationTest
@Import(RecordedEvents.class)
class HoldSpotGraphQlTest {

	@LocalServerPort
	int port;

	@Autowired
	LocalTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RecordedEvents recorded;

	GraphQlHttp graphQl;

	LotFixtures lots;

	final Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));

	@BeforeEach
	void setUp() {
		graphQl = new GraphQlHttp(port);
		lots = new LotFixtures(jdbc);
	}

	@Test
	void ofTwoHundredDriversRacingForOneSpotExactlyOneGetsIt() throws Exception {
		TestLot lot = lots.lot("op-" + UUID.randomUUID(), 1);
		Map<String, Object> input = namedSpot(lot.spotIds().getFirst(), window(0, 2));
		List<String> racers = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			racers.add(driver("racer-" + i + "-"));
		}

		CountDownLatch start = new CountDownLatch(1);
		List<JsonNode> payloads = new ArrayList<>();
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<JsonNode>> calls = new ArrayList<>();
			for (String token : racers) {
				calls.add(threads.submit(() -> {
					start.await();
					return holdSpot(graphQl, token, input);
				}));
			}
			start.countDown();
			for (Future<JsonNode> call : calls) {
				payloads.add(call.get());
			}
		}

		assertThat(payloads.stream().map(HoldTestSupport::outcome).filter("HELD"::equals)).hasSize(1);
		assertThat(payloads.stream().map(HoldTestSupport::outcome).filter("SPOT_TAKEN"::equals)).hasSize(199);
		String holdId = payloads.stream().filter(p -> !p.get("hold").isNull()).findFirst().orElseThrow()
			.at("/hold/id").asString();
		assertThat(recorded.of(HoldPlaced.class).stream().filter(e -> e.hold().id().toString().equals(holdId)))
			.hasSize(1);
	}

	@Test
	void refusesAnOverlappingWindowAndAcceptsBackToBackOnes() {
		UUID spot = lots.lot("op-" + UUID.randomUUID(), 1).spotIds().getFirst();
		JsonNode first = holdSpot(graphQl, driver("alice"), namedSpot(spot, window(10, 2)));
		assertThat(outcome(first)).isEqualTo("HELD");
		assertThat(first.at("/hold/spot/code").asString()).isEqualTo("S001");
		assertThat(first.at("/hold/spot/id").asString()).isEqualTo(spot.toString());
		assertThat(Instant.parse(first.at("/hold/from").asString())).isEqualTo(window(10, 2).from());

		JsonNode overlapping = holdSpot(graphQl, driver("bob"), namedSpot(spot, window(11, 2)));
		assertThat(outcome(overlapping)).isEqualTo("SPOT_TAKEN");
		assertThat(overlapping.at("/userErrors/0/field").toString()).isEqualTo("[\"input\",\"spotId\"]");

		assertThat(outcome(holdSpot(graphQl, driver("bob"), namedSpot(spot, window(12, 2))))).isEqualTo("HELD");
		assertThat(outcome(holdSpot(graphQl, driver("carol"), namedSpot(spot, window(8, 2))))).isEqualTo("HELD");
	}

	@Test
	void aDriverHoldsAtMostThreeSpotsOfALotAtOnce() {
		TestLot lot = lots.lot("op-" + UUID.randomUUID(), 4);
		String dave = driver("dave");
		for (int i = 0; i < 3; i++) {
			assertThat(outcome(holdSpot(graphQl, dave, namedSpot(lot.spotIds().get(i), window(1, 1))))).isEqualTo("HELD");
		}

		JsonNode fourth = holdSpot(graphQl, dave, namedSpot(lot.spotIds().get(3), window(1, 1)));

		assertThat(outcome(fourth)).isEqualTo("HOLD_LIMIT_REACHED");
	}

	@Test
	void releasingAHoldFreesTheSpotAndOnlyItsOwnerMayDoIt() {
		UUID spot = lots.lot("op-" + UUID.randomUUID(), 1).spotIds().getFirst();
		String alice = driver("alice");
		String bob = driver("bob");
		String holdId = holdSpot(graphQl, alice, namedSpot(spot, window(1, 2))).at("/hold/id").asString();

		assertThat(release(bob, holdId).at("/userErrors/0/code").asString()).isEqualTo("HOLD_NOT_FOUND");
		assertThat(release(alice, holdId).at("/releasedHoldId").asString()).isEqualTo(holdId);
		assertThat(release(alice, holdId).at("/userErrors/0/code").asString()).isEqualTo("HOLD_NOT_FOUND");
		assertThat(outcome(holdSpot(graphQl, bob, namedSpot(spot, window(1, 2))))).isEqualTo("HELD");
		assertThat(recorded.of(HoldReleased.class).stream().filter(e -> e.hold().id().toString().equals(holdId)))
			.singleElement()
			.satisfies(event -> assertThat(event.convertedToBooking()).isFalse());
		assertThat(release(alice, "not-a-hold").at("/userErrors/0/field").toString())
			.isEqualTo("[\"input\",\"holdId\"]");
	}

	@Test
	void afterRedisLostEverythingHoldsStillRespectBookingsKnownOnlyToPostgres() {
		TestLot lot = lots.lot("op-" + UUID.randomUUID(), 2);
		SpotId spot = new SpotId(lot.spotIds().getFirst());
		assertThat(outcome(holdSpot(graphQl, driver("early"), namedSpot(lot.spotIds().get(1), window(1, 1)))))
			.as("the lot's claims are loaded")
			.isEqualTo("HELD");
		HoldTestSupport.insertConfirmedBooking(jdbc, new LotId(lot.id()), spot, window(5, 2));
		redis.execute((RedisConnection connection) -> {
			connection.serverCommands().flushDb();
			return null;
		});

		assertThat(outcome(holdSpot(graphQl, driver("late"), namedSpot(spot.value(), window(6, 2)))))
			.isEqualTo("SPOT_TAKEN");
		assertThat(outcome(holdSpot(graphQl, driver("late"), namedSpot(spot.value(), window(7, 2)))))
			.isEqualTo("HELD");
	}

	@Test
	void picksTheFirstFreeSpotOfAClassWhenNoneIsNamed() {
		TestLot lot = lots.lot("op-" + UUID.randomUUID(), 2);
		Map<String, Object> anyStandard = Map.of("lotId", lot.id().toString(), "spotClass", "STANDARD", "from",
				window(1, 1).from().toString(), "to", window(1, 1).to().toString());

		JsonNode first = holdSpot(graphQl, driver("a"), anyStandard);
		JsonNode second = holdSpot(graphQl, driver("b"), anyStandard);
		JsonNode third = holdSpot(graphQl, driver("c"), anyStandard);

		assertThat(first.at("/hold/spot/code").asString()).isEqualTo("S001");
		assertThat(second.at("/hold/spot/code").asString()).isEqualTo("S002");
		assertThat(outcome(third)).isEqualTo("NO_SPOT_AVAILABLE");
		assertThat(outcome(holdSpot(graphQl, driver("d"), Map.of("lotId", lot.id().toString(), "spotClass",
				"EV_CHARGING", "from", window(1, 1).from().toString(), "to", window(1, 1).to().toString()))))
			.isEqualTo("NO_SPOT_AVAILABLE");
	}

	@Test
	void refusesBadInputWithTypedErrorsOnTheFieldAtFault() {
		TestLot lot = lots.lot("op-" + UUID.randomUUID(), 2);
		UUID spot = lot.spotIds().getFirst();
		Instant now = Instant.now();
		String driver = driver("careless");

		assertError(driver, named(spot, tomorrow, tomorrow), "INVALID_WINDOW", "to");
		assertError(driver, named(spot, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))),
				"INVALID_WINDOW", "from");
		assertError(driver, named(spot, tomorrow, tomorrow.plus(Duration.ofMinutes(10))), "INVALID_WINDOW", "to");
		assertError(driver, named(spot, tomorrow, tomorrow.plus(Duration.ofDays(8))), "INVALID_WINDOW", "to");
		assertError(driver, named(spot, now.plus(Duration.ofDays(100)), now.plus(Duration.ofDays(100).plusHours(1))),
				"INVALID_WINDOW", "from");
		assertError(driver, named(UUID.randomUUID(), tomorrow, tomorrow.plus(Duration.ofHours(1))), "NOT_FOUND",
				"spotId");
		Map<String, Object> malformed = new HashMap<>(named(spot, tomorrow, tomorrow.plus(Duration.ofHours(1))));
		malformed.put("spotId", "nope");
		assertError(driver, malformed, "INVALID_INPUT", "spotId");
		assertError(driver, Map.of("lotId", UUID.randomUUID().toString(), "spotClass", "STANDARD", "from",
				tomorrow.toString(), "to", tomorrow.plus(Duration.ofHours(1)).toString()), "NOT_FOUND", "lotId");
		JsonNode neither = holdSpot(graphQl, driver,
				Map.of("from", tomorrow.toString(), "to", tomorrow.plus(Duration.ofHours(1)).toString()));
		assertThat(outcome(neither)).isEqualTo("INVALID_INPUT");
	}

	@Test
	void refusesAClosedSpot() {
		TestLot lot = lots.lot("op-" + UUID.randomUUID(), 1);
		UUID spot = lot.spotIds().getFirst();
		jdbc.sql("update spot set admin_state = 'CLOSED' where id = ?").param(spot).update();

		assertError(driver("d"), named(spot, tomorrow, tomorrow.plus(Duration.ofHours(1))), "SPOT_CLOSED", "spotId");
	}

	@Test
	void refusesAWindowStartingWhileTheLotIsClosed() {
		TestLot lot = lots.lot("op-" + UUID.randomUUID(), 1);
		// Open only on Sundays, one hour before midnight in the lot's zone (Europe/Berlin).
		jdbc.sql("insert into lot_opening_hours (lot_id, day_of_week, opens, closes) values (?, 7, '23:00', '23:59')")
			.param(lot.id())
			.update();
		Instant mondayNoon = ZonedDateTime.now(ZoneId.of("Europe/Berlin"))
			.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
			.withHour(12)
			.truncatedTo(ChronoUnit.HOURS)
			.toInstant();

		assertError(driver("d"), named(lot.spotIds().getFirst(), mondayNoon, mondayNoon.plus(Duration.ofHours(1))),
				"LOT_CLOSED", "from");
	}

	@Test
	void anAnonymousCallerGetsAGraphQlError() {
		UUID spot = lots.lot("op-" + UUID.randomUUID(), 1).spotIds().getFirst();

		JsonNode response = graphQl.execute(null, HoldTestSupport.HOLD_SPOT,
				Map.of("input", namedSpot(spot, window(1, 1))));

		assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void anIdempotencyKeyPlacesTheHoldOnce() {
		UUID spot = lots.lot("op-" + UUID.randomUUID(), 1).spotIds().getFirst();
		String erin = driver("erin");
		Map<String, Object> input = new HashMap<>(namedSpot(spot, window(1, 1)));
		input.put("idempotencyKey", "k-" + UUID.randomUUID());

		JsonNode first = holdSpot(graphQl, erin, input);
		JsonNode replay = holdSpot(graphQl, erin, input);
		input.put("to", window(1, 2).to().toString());
		JsonNode reused = holdSpot(graphQl, erin, input);

		assertThat(replay.at("/hold/id").asString()).isEqualTo(first.at("/hold/id").asString());
		assertThat(outcome(reused)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	private void assertError(String token, Map<String, ?> input, String code, String field) {
		JsonNode payload = holdSpot(graphQl, token, input);
		assertThat(outcome(payload)).as(input.toString()).isEqualTo(code);
		assertThat(payload.at("/userErrors/0/field").toString()).isEqualTo("[\"input\",\"" + field + "\"]");
	}

	private JsonNode release(String token, String holdId) {
		JsonNode response = graphQl.execute(token, HoldTestSupport.RELEASE_HOLD,
				Map.of("input", Map.of("holdId", holdId)));
		return response.at("/data/releaseHold");
	}

	private static Map<String, Object> named(UUID spot, Instant from, Instant to) {
		return Map.of("spotId", spot.toString(), "from", from.toString(), "to", to.toString());
	}

	/** Tomorrow, {@code fromHour} hours after the full hour, for {@code hours}. */
	private TimeWindow window(int fromHour, int hours) {
		Instant from = tomorrow.plus(Duration.ofHours(fromHour));
		return new TimeWindow(from, from.plus(Duration.ofHours(hours)));
	}

	private String driver(String name) {
		return tokens.mint(name + UUID.randomUUID(), Role.DRIVER);
	}
}
