package org.openparking.api.live;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.BookingStatusChanged;
import org.openparking.api.holds.HoldPlaced;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.security.LocalTokens;
import org.openparking.api.security.Role;
import org.openparking.api.sessions.SessionId;
import org.openparking.api.sessions.SessionStarted;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.GraphQlHttp;
import org.openparking.api.support.GraphQlWebSocket;
import org.openparking.api.support.LotFixtures;
import org.openparking.api.support.LotFixtures.TestLot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.live.LiveTestSupport.SPOT_STATUS;
import static org.openparking.api.live.LiveTestSupport.WAIT;
import static org.openparking.api.live.LiveTestSupport.awaitRedisSubscribers;
import static org.openparking.api.live.LiveTestSupport.data;
import static org.openparking.api.live.LiveTestSupport.errorClassification;
import static org.openparking.api.live.LiveTestSupport.hold;

/** Subscriptions over a real WebSocket, fed by domain events through real Redis pub/sub. */
@ApiIntegrationTest
class LiveSubscriptionsTest {

	static final String AVAILABILITY = """
			subscription($lotId: ID!) {
			  availabilityChanged(lotId: $lotId) { lotId freeNow { spotClass free total } occurredAt }
			}""";

	static final String BOOKING = """
			subscription($bookingId: ID!) { bookingUpdated(bookingId: $bookingId) { bookingId status occurredAt booking { id status } } }""";

	static final String SESSIONS = """
			subscription { sessionUpdated { sessionId status occurredAt session { id status vehiclePlate } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	LocalTokens tokens;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSubscriberOnAnotherNodeReceivesAnEventCausedOnThisOne() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 2);
		UUID spot = lot.spotIds().get(0);
		try (ConfigurableApplicationContext secondNode = LiveTestSupport.secondNode(context);
				GraphQlWebSocket client = GraphQlWebSocket.connect(LiveTestSupport.port(secondNode),
						tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER))) {
			String id = client.subscribe(SPOT_STATUS, Map.of("lotId", lot.id().toString()));
			awaitRedisSubscribers(redis, LiveTestSupport.lotChannel(lot.id()), 1);

			LiveTestSupport.holdNow(port, tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER), spot);

			JsonNode event = data(client.next(id, WAIT), "spotStatusChanged");
			assertThat(event.path("lotId").asString()).isEqualTo(lot.id().toString());
			assertThat(event.path("spotId").asString()).isEqualTo(spot.toString());
			assertThat(event.path("commercialState").asString()).isEqualTo("HELD");
			assertThat(event.path("cause").asString()).isEqualTo("HELD");
		}
	}

	@Test
	void subscriptionsNeedAnAuthenticatedCaller() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		try (GraphQlWebSocket anonymous = GraphQlWebSocket.connect(port, null)) {
			String id = anonymous.subscribe(SPOT_STATUS, Map.of("lotId", lot.id().toString()));
			assertThat(errorClassification(anonymous.next(id, WAIT))).isEqualTo("UNAUTHORIZED");
		}
		try (GraphQlWebSocket forged = GraphQlWebSocket.connect(port, "not-a-jwt")) {
			assertThat(forged.closed().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).startsWith("4401");
			assertThat(forged.isAcknowledged()).isFalse();
		}
	}

	@Test
	void aTokenInTheHandshakeHeaderAuthenticatesToo() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		SpotId spot = new SpotId(lot.spotIds().get(0));
		try (GraphQlWebSocket client = GraphQlWebSocket.connectWithHeader(port,
				tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER))) {
			String id = client.subscribe(SPOT_STATUS, Map.of("lotId", lot.id().toString()));
			awaitRedisSubscribers(redis, LiveTestSupport.lotChannel(lot.id()), 1);
			events.publishEvent(new HoldPlaced(hold(lot, spot), Instant.now()));
			assertThat(data(client.next(id, WAIT), "spotStatusChanged").path("cause").asString()).isEqualTo("HELD");
		}
	}

	@Test
	void unknownOrMalformedLotsAreBadRequests() {
		try (GraphQlWebSocket client = GraphQlWebSocket.connect(port, tokens.mint("driver-x", Role.DRIVER))) {
			String unknown = client.subscribe(SPOT_STATUS, Map.of("lotId", UUID.randomUUID().toString()));
			assertThat(errorClassification(client.next(unknown, WAIT))).isEqualTo("BAD_REQUEST");
			String malformed = client.subscribe(AVAILABILITY, Map.of("lotId", "lot-1"));
			assertThat(errorClassification(client.next(malformed, WAIT))).isEqualTo("BAD_REQUEST");
		}
	}

	@Test
	void bookingUpdatesReachTheOwnerAndTheLotOperatorButNoOtherUser() {
		String operator = "op-" + UUID.randomUUID();
		String owner = "driver-" + UUID.randomUUID();
		TestLot lot = new LotFixtures(jdbc).lot(operator, 1);
		UUID booking = insertBooking(lot, owner);
		try (GraphQlWebSocket ownerClient = GraphQlWebSocket.connect(port, tokens.mint(owner, Role.DRIVER));
				GraphQlWebSocket operatorClient = GraphQlWebSocket.connect(port, tokens.mint(operator, Role.OPERATOR));
				GraphQlWebSocket otherOperator = GraphQlWebSocket.connect(port,
						tokens.mint("op-" + UUID.randomUUID(), Role.OPERATOR));
				GraphQlWebSocket stranger = GraphQlWebSocket.connect(port,
						tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER))) {
			Map<String, String> variables = Map.of("bookingId", booking.toString());
			String strangers = stranger.subscribe(BOOKING, variables);
			assertThat(errorClassification(stranger.next(strangers, WAIT))).isEqualTo("FORBIDDEN");
			String otherOperators = otherOperator.subscribe(BOOKING, variables);
			assertThat(errorClassification(otherOperator.next(otherOperators, WAIT))).isEqualTo("FORBIDDEN");

			String owners = ownerClient.subscribe(BOOKING, variables);
			String operators = operatorClient.subscribe(BOOKING, variables);
			awaitRedisSubscribers(redis, LiveTestSupport.bookingChannel(booking), 1);
			LiveTestSupport.sleep(200); // both local subscribers share the one Redis subscription

			// A rolled-back change is never announced; the committed one is, after the commit.
			transactions.executeWithoutResult(tx -> {
				events.publishEvent(statusChanged(lot, booking, owner, BookingStatus.CANCELLED));
				tx.setRollbackOnly();
			});
			transactions.executeWithoutResult(
					tx -> events.publishEvent(statusChanged(lot, booking, owner, BookingStatus.CONFIRMED)));

			for (JsonNode message : List.of(ownerClient.next(owners, WAIT), operatorClient.next(operators, WAIT))) {
				JsonNode event = data(message, "bookingUpdated");
				assertThat(event.path("bookingId").asString()).isEqualTo(booking.toString());
				assertThat(event.path("status").asString()).isEqualTo("CONFIRMED");
				assertThat(event.at("/booking/id").asString()).isEqualTo(booking.toString());
			}
		}
	}

	@Test
	void aBookingsLifeReachesTheLotAndItsOwner() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		UUID spot = lot.spotIds().getFirst();
		String driver = tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER);
		GraphQlHttp http = new GraphQlHttp(port);
		try (GraphQlWebSocket client = GraphQlWebSocket.connect(port, driver)) {
			String spots = client.subscribe(SPOT_STATUS, Map.of("lotId", lot.id().toString()));
			awaitRedisSubscribers(redis, LiveTestSupport.lotChannel(lot.id()), 1);

			// Tomorrow: cancellable, and the spot stays FREE right now throughout.
			String hold = LiveTestSupport.holdFrom(port, driver, spot,
					Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1)));
			JsonNode confirmed = http.execute(driver, """
					mutation($input: ConfirmBookingInput!) { confirmBooking(input: $input) { booking { id } userErrors { code } } }""",
					Map.of("input", Map.of("holdId", hold, "paymentMethodToken", "tok", "vehiclePlate", "B-LV 9")));
			String booking = confirmed.at("/data/confirmBooking/booking/id").asString();
			assertThat(booking).as(confirmed.toString()).isNotBlank();
			String updates = client.subscribe(BOOKING, Map.of("bookingId", booking));
			awaitRedisSubscribers(redis, LiveTestSupport.bookingChannel(UUID.fromString(booking)), 1);
			awaitConfirmation(http, driver, booking);

			JsonNode cancelled = http.execute(driver, """
					mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { status } userErrors { code } } }""",
					Map.of("input", Map.of("bookingId", booking, "reason", "plans changed")));
			assertThat(cancelled.at("/data/cancelBooking/booking/status").asString()).as(cancelled.toString())
				.isEqualTo("CANCELLED");

			assertThat(List.of(causeAndState(client.next(spots, WAIT)), causeAndState(client.next(spots, WAIT)),
					causeAndState(client.next(spots, WAIT))))
				.containsExactly("HELD/FREE", "BOOKED/FREE", "BOOKING_RELEASED/FREE");
			JsonNode update;
			do { // relayed asynchronously: the placement and the confirmation may still arrive before the cancellation
				update = data(client.next(updates, WAIT), "bookingUpdated");
			}
			while (List.of("PENDING_PAYMENT", "CONFIRMED").contains(update.path("status").asString()));
			assertThat(update.path("status").asString()).isEqualTo("CANCELLED");
			assertThat(update.at("/booking/status").asString()).as(update.toString()).isEqualTo("CANCELLED");
		}
	}

	private static void awaitConfirmation(GraphQlHttp http, String token, String booking) {
		Instant deadline = Instant.now().plus(WAIT);
		while (!http.execute(token, "query($id: ID!) { booking(id: $id) { status } }", Map.of("id", booking))
			.at("/data/booking/status")
			.asString()
			.equals("CONFIRMED")) {
			assertThat(Instant.now()).as("booking confirmed in time").isBefore(deadline);
			LiveTestSupport.sleep(50);
		}
	}

	private static String causeAndState(JsonNode message) {
		JsonNode event = data(message, "spotStatusChanged");
		return event.path("cause").asString() + "/" + event.path("commercialState").asString();
	}

	@Test
	void sessionUpdatesReachOnlyTheirOwner() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 2);
		String me = "driver-" + UUID.randomUUID();
		String myToken = tokens.mint(me, Role.DRIVER);
		GraphQlHttp http = new GraphQlHttp(port);
		try (GraphQlWebSocket client = GraphQlWebSocket.connect(port, myToken)) {
			String id = client.subscribe(SESSIONS, Map.of());
			awaitRedisSubscribers(redis, LiveTestSupport.userChannel(me), 1);

			startSession(http, tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER), lot, 0);
			String mine = startSession(http, myToken, lot, 1);

			JsonNode started = data(client.next(id, WAIT), "sessionUpdated");
			assertThat(started.path("sessionId").asString()).isEqualTo(mine);
			assertThat(started.path("status").asString()).isEqualTo("ACTIVE");
			assertThat(started.at("/session/id").asString()).isEqualTo(mine);
			assertThat(started.at("/session/vehiclePlate").asString()).isEqualTo("B-LV 2");

			JsonNode ended = http.execute(myToken, """
					mutation { endSession(input: {paymentMethodToken: "tok"}) { session { id } userErrors { code } } }""");
			assertThat(ended.at("/data/endSession/session/id").asString()).as(ended.toString()).isEqualTo(mine);
			JsonNode completed = data(client.next(id, WAIT), "sessionUpdated");
			assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
			assertThat(completed.at("/session/status").asString()).isEqualTo("COMPLETED");
		}
	}

	private static String startSession(GraphQlHttp http, String token, TestLot lot, int spot) {
		JsonNode started = http.execute(token, """
				mutation($input: StartSessionInput!) { startSession(input: $input) { session { id } userErrors { code } } }""",
				Map.of("input", Map.of("lotId", lot.id().toString(), "spotId", lot.spotIds().get(spot).toString(),
						"vehiclePlate", "B-LV " + (spot + 1))));
		JsonNode session = started.at("/data/startSession/session/id");
		assertThat(session.isString()).as(started.toString()).isTrue();
		return session.asString();
	}

	@Test
	void availabilityStartsWithTheCurrentCountsAndFollowsChangesCoalesced() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 3);
		try (GraphQlWebSocket client = GraphQlWebSocket.connect(port,
				tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER))) {
			String id = client.subscribe(AVAILABILITY, Map.of("lotId", lot.id().toString()));
			assertThat(standardCounts(client.next(id, WAIT))).containsExactly(3, 3);
			awaitRedisSubscribers(redis, LiveTestSupport.lotChannel(lot.id()), 1);

			String driver = tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER);
			LiveTestSupport.holdNow(port, driver, lot.spotIds().get(0));
			LiveTestSupport.holdNow(port, driver, lot.spotIds().get(1));
			while (!standardCounts(client.next(id, WAIT)).equals(List.of(1, 3))) {
				// the first hold may be counted on its own before the second
			}

			// A burst of forty spot events: the node recounts at most once per 250 ms, not forty times.
			for (int i = 0; i < 40; i++) {
				events.publishEvent(new HoldPlaced(hold(lot, new SpotId(lot.spotIds().get(i % 2))), Instant.now()));
			}
			List<JsonNode> recounts = new ArrayList<>();
			recounts.add(client.next(id, WAIT));
			JsonNode more;
			while ((more = client.poll(id, Duration.ofMillis(800))) != null) {
				recounts.add(more);
			}
			// The relay takes a while for forty events, so a few ticks may pass: still far fewer counts than events.
			assertThat(recounts).hasSizeBetween(1, 8);
			for (int i = 0; i < recounts.size(); i++) {
				assertThat(standardCounts(recounts.get(i))).containsExactly(1, 3);
				if (i > 0) {
					assertThat(Duration.between(occurredAt(recounts.get(i - 1)), occurredAt(recounts.get(i))))
						.isGreaterThan(Duration.ofMillis(150)); // 250 ms ticks, less jitter of the count
				}
			}
		}
	}

	private static Instant occurredAt(JsonNode availability) {
		return Instant.parse(data(availability, "availabilityChanged").path("occurredAt").asString());
	}

	@Test
	void anOperatorClosingASpotIsSeenAsASpotEventAndInTheCounts() {
		String operator = "op-" + UUID.randomUUID();
		TestLot lot = new LotFixtures(jdbc).lot(operator, 2);
		UUID spot = lot.spotIds().get(1);
		try (GraphQlWebSocket client = GraphQlWebSocket.connect(port,
				tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER))) {
			String spots = client.subscribe(SPOT_STATUS, Map.of("lotId", lot.id().toString()));
			String counts = client.subscribe(AVAILABILITY, Map.of("lotId", lot.id().toString()));
			assertThat(standardCounts(client.next(counts, WAIT))).containsExactly(2, 2);
			awaitRedisSubscribers(redis, LiveTestSupport.lotChannel(lot.id()), 1);
			LiveTestSupport.sleep(200); // the availability feed joins the lot channel on its own

			JsonNode closed = new GraphQlHttp(port).execute(tokens.mint(operator, Role.OPERATOR), """
					mutation($input: SetSpotStateInput!) { setSpotState(input: $input) { userErrors { code } } }""",
					Map.of("input", Map.of("spotId", spot.toString(), "state", "CLOSED", "reason", "repairs")));
			assertThat(closed.at("/data/setSpotState/userErrors").isEmpty()).isTrue();

			JsonNode event = data(client.next(spots, WAIT), "spotStatusChanged");
			assertThat(event.path("spotId").asString()).isEqualTo(spot.toString());
			assertThat(event.path("cause").asString()).isEqualTo("CLOSED");
			// At once, or after parking.live.catalog-settle should the count have read the catalog before it changed.
			List<Integer> recount;
			do {
				recount = standardCounts(client.next(counts, WAIT));
			}
			while (!recount.equals(List.of(1, 2)));
		}
	}

	private static List<Integer> standardCounts(JsonNode message) {
		JsonNode perClass = data(message, "availabilityChanged").path("freeNow");
		assertThat(perClass).hasSize(1);
		assertThat(perClass.get(0).path("spotClass").asString()).isEqualTo("STANDARD");
		return List.of(perClass.get(0).path("free").asInt(), perClass.get(0).path("total").asInt());
	}

	private static BookingStatusChanged statusChanged(TestLot lot, UUID booking, String owner, BookingStatus status) {
		Instant now = Instant.now();
		return new BookingStatusChanged(new BookingId(booking), new LotId(lot.id()), new SpotId(lot.spotIds().get(0)),
				new UserId(owner), new TimeWindow(now, now.plus(Duration.ofHours(1))), BookingStatus.PENDING_PAYMENT,
				status, now);
	}

	private static SessionStarted sessionStarted(TestLot lot, int spot, SessionId session, String user) {
		return new SessionStarted(session, new LotId(lot.id()), new SpotId(lot.spotIds().get(spot)), new UserId(user),
				"B-XY 123", Instant.now());
	}

	private UUID insertBooking(TestLot lot, String owner) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into booking (id, lot_id, spot_id, user_id, hold_id, during, status, price_minor, currency,
				created_at, updated_at)
				values (?, ?, ?, ?, ?, tstzrange(now() + interval '1 day', now() + interval '1 day 2 hours', '[)'),
				'PENDING_PAYMENT', 400, 'EUR', now(), now())""")
			.params(id, lot.id(), lot.spotIds().get(0), owner, "hold-" + id)
			.update();
		return id;
	}
}
