package org.openparking.api.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openparking.api.bookings.BookingTestSupport;
import org.openparking.api.security.Role;
import org.openparking.api.support.LotFixtures.TestLot;
import org.openparking.api.support.PipelineIntegrationTest;
import org.openparking.api.support.SqlStatementCounter;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.bookings.BookingApi.codes;
import static org.openparking.api.bookings.BookingApi.data;
import static org.openparking.api.lots.LotAdminApi.errorType;

/** lotBookings, lotSessions, refundPayment and an operator's cancelBooking, for the lot's operator only. */
@PipelineIntegrationTest
class OperatorLookupsTest extends BookingTestSupport {

	private static final String LOT_BOOKINGS = """
			query($lotId: ID!, $filter: LotBookingFilter, $first: Int, $after: String) {
			  lotBookings(lotId: $lotId, filter: $filter, first: $first, after: $after) {
			    edges { cursor node { id userId status vehiclePlate lot { id } spot { code }
			      payments { id status refunds { id status amount { amountMinor } } } } }
			    pageInfo { hasNextPage endCursor } } }""";

	private static final String LOT_SESSIONS = """
			query($lotId: ID!, $filter: LotSessionFilter, $first: Int, $after: String) {
			  lotSessions(lotId: $lotId, filter: $filter, first: $first, after: $after) {
			    edges { cursor node { id userId status vehiclePlate lot { id } spot { code } payments { id } } }
			    pageInfo { hasNextPage endCursor } } }""";

	private static final String START_SESSION = """
			mutation($input: StartSessionInput!) { startSession(input: $input) { session { id } userErrors { code } } }""";

	private static final String REFUND = """
			mutation($input: RefundPaymentInput!) { refundPayment(input: $input) {
			  payment { id status amount { amountMinor } refunds { status amount { amountMinor } } }
			  userErrors { code message field } } }""";

	@Autowired
	SqlStatementCounter statements;

	String operatorId;

	String operator;

	String otherOperator;

	TestLot lot;

	Instant tomorrow;

	@BeforeEach
	void operatorAndLot() {
		operatorId = "operator-" + UUID.randomUUID();
		operator = tokens.mint(operatorId, Role.OPERATOR);
		otherOperator = tokens.mint("operator-" + UUID.randomUUID(), Role.OPERATOR);
		lot = lots.lot(operatorId, 3);
		tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
	}

	@Test
	void anOperatorLooksUpTheBookingsOfTheirLot() {
		String aliceId = "driver-" + UUID.randomUUID();
		String alice = tokens.mint(aliceId, Role.DRIVER);
		JsonNode confirmed = api.confirm(alice, api.hold(alice, lot.spotIds().get(0), tomorrow.plusSeconds(3600 * 10),
				tomorrow.plusSeconds(3600 * 12)), "tok_approve", "b-ab 123", null);
		String aliceBooking = confirmed.path("booking").path("id").asString();
		String bobBooking = api.book(driver(), lot.spotIds().get(1), tomorrow.plusSeconds(3600 * 14),
				tomorrow.plusSeconds(3600 * 16), "tok_approve");

		JsonNode all = lotBookings(operator, null, null, null);
		assertThat(ids(all)).containsExactly(bobBooking, aliceBooking);
		assertThat(all.path("edges").path(1).path("node").path("userId").asString()).isEqualTo(aliceId);
		assertThat(all.path("edges").path(1).path("node").path("spot").path("code").asString()).isEqualTo("S001");

		assertThat(ids(lotBookings(operator, Map.of("vehiclePlate", "B-AB  123"), null, null)))
			.as("plates match as normalised").containsExactly(aliceBooking);
		assertThat(ids(lotBookings(operator, Map.of("userId", aliceId), null, null))).containsExactly(aliceBooking);
		assertThat(ids(lotBookings(operator, Map.of("statuses", List.of("CANCELLED")), null, null))).isEmpty();
		assertThat(ids(lotBookings(operator, Map.of("from", tomorrow.plusSeconds(3600 * 13).toString(), "to",
				tomorrow.plusSeconds(3600 * 15).toString()), null, null))).containsExactly(bobBooking);
		assertThat(ids(lotBookings(operator, Map.of("to", tomorrow.plusSeconds(3600 * 11).toString()), null, null)))
			.containsExactly(aliceBooking);
		assertThat(ids(lotBookings(operator, Map.of("spotId", lot.spotIds().get(1).toString()), null, null)))
			.containsExactly(bobBooking);
		assertThat(errorType(raw(LOT_BOOKINGS, operator, Map.of("spotId", "nope"), null, null)))
			.isEqualTo("BAD_REQUEST");

		JsonNode first = lotBookings(operator, null, 1, null);
		assertThat(ids(first)).containsExactly(bobBooking);
		assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		assertThat(ids(lotBookings(operator, null, 1, first.path("pageInfo").path("endCursor").asString())))
			.containsExactly(aliceBooking);

		assertThat(errorType(raw(LOT_BOOKINGS, otherOperator, null, null, null))).isEqualTo("FORBIDDEN");
		assertThat(errorType(raw(LOT_BOOKINGS, alice, null, null, null))).isEqualTo("FORBIDDEN");
		assertThat(errorType(raw(LOT_BOOKINGS, operator, Map.of("vehiclePlate", "!!"), null, null)))
			.isEqualTo("BAD_REQUEST");
		String admin = tokens.mint("admin-" + UUID.randomUUID(), Role.ADMIN);
		assertThat(ids(data(raw(LOT_BOOKINGS, admin, null, null, null)).path("lotBookings"))).hasSize(2);
	}

	@Test
	void anOperatorLooksUpTheSessionsOfTheirLot() {
		String carolId = "driver-" + UUID.randomUUID();
		String carol = tokens.mint(carolId, Role.DRIVER);
		JsonNode started = data(api.execute(carol, START_SESSION, Map.of("input", Map.of("lotId", lot.id().toString(),
				"spotId", lot.spotIds().get(2).toString(), "vehiclePlate", "M-XY 9")))).path("startSession");
		String session = started.path("session").path("id").asString();

		JsonNode all = data(raw(LOT_SESSIONS, operator, null, null, null)).path("lotSessions");
		assertThat(ids(all)).containsExactly(session);
		JsonNode node = all.path("edges").path(0).path("node");
		assertThat(node.path("userId").asString()).isEqualTo(carolId);
		assertThat(node.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(node.path("spot").path("code").asString()).isEqualTo("S003");
		assertThat(ids(data(raw(LOT_SESSIONS, operator, Map.of("statuses", List.of("COMPLETED")), null, null))
			.path("lotSessions"))).isEmpty();
		assertThat(ids(data(raw(LOT_SESSIONS, operator, Map.of("spotId", lot.spotIds().get(2).toString()), null,
				null)).path("lotSessions"))).containsExactly(session);
		assertThat(ids(data(raw(LOT_SESSIONS, operator, Map.of("spotId", lot.spotIds().get(0).toString()), null,
				null)).path("lotSessions"))).isEmpty();
		assertThat(ids(data(raw(LOT_SESSIONS, operator, Map.of("vehiclePlate", "m-xy 9", "statuses", List.of("ACTIVE")),
				null, null)).path("lotSessions"))).containsExactly(session);
		assertThat(ids(data(raw(LOT_SESSIONS, operator, Map.of("to", Instant.now().minusSeconds(3600).toString()), null,
				null)).path("lotSessions"))).as("started after the window").isEmpty();
		assertThat(errorType(raw(LOT_SESSIONS, otherOperator, null, null, null))).isEqualTo("FORBIDDEN");
		assertThat(errorType(raw(LOT_SESSIONS, operator, Map.of("from", tomorrow.toString(), "to",
				tomorrow.toString()), null, null))).isEqualTo("BAD_REQUEST");
	}

	@Test
	void anOperatorRefundsAPaymentOfTheirLotInPartsThenFully() {
		String driver = driver();
		String booking = api.bookConfirmed(driver, lot.spotIds().get(0), tomorrow, tomorrow.plusSeconds(7200));
		JsonNode payment = api.booking(driver, booking).path("payments").path(0);
		String paymentId = payment.path("id").asString();
		assertThat(payment.path("amount").path("amountMinor").asLong()).isEqualTo(400);

		assertThat(errorType(refund(otherOperator, paymentId, 100L, null))).isEqualTo("FORBIDDEN");
		assertThat(errorType(refund(driver, paymentId, 100L, null))).isEqualTo("FORBIDDEN");
		assertThat(onlyError(refund(operator, UUID.randomUUID().toString(), 100L, null))).containsExactly("NOT_FOUND",
				"paymentId");
		assertThat(onlyError(refund(operator, "nope", 100L, null))).containsExactly("INVALID_INPUT", "paymentId");
		assertThat(onlyError(refund(operator, paymentId, 0L, null))).containsExactly("INVALID_INPUT", "amountMinor");

		JsonNode partial = payload(refund(operator, paymentId, 150L, "key-" + paymentId));
		assertThat(partial.path("payment").path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
		assertThat(payload(refund(operator, paymentId, 150L, "key-" + paymentId))).as("replayed, refunded once")
			.isEqualTo(partial);
		assertThat(partial.path("payment").path("refunds").size()).isOne();

		assertThat(onlyError(refund(operator, paymentId, 251L, null))).containsExactly("REFUND_NOT_POSSIBLE",
				"amountMinor");
		JsonNode rest = payload(refund(operator, paymentId, null, null));
		assertThat(rest.path("payment").path("status").asString()).isEqualTo("REFUNDED");
		assertThat(rest.path("payment").path("refunds").findValues("amountMinor").stream().map(JsonNode::asLong))
			.containsExactly(150L, 250L);
		assertThat(onlyError(refund(operator, paymentId, null, null))).containsExactly("REFUND_NOT_POSSIBLE",
				"paymentId");
	}

	@Test
	void theLotsOperatorMayCancelABookingAnotherOperatorMayNot() {
		String driver = driver();
		String booking = api.bookConfirmed(driver, lot.spotIds().get(0), tomorrow, tomorrow.plusSeconds(3600));
		assertThat(codes(api.cancel(otherOperator, booking, null, null))).containsExactly("NOT_FOUND");
		JsonNode cancelled = api.cancel(operator, booking, "spot blocked by works", null);
		assertThat(codes(cancelled)).isEmpty();
		assertThat(cancelled.path("booking").path("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("refunded").path("amountMinor").asLong()).isEqualTo(200);
	}

	@Test
	void lookupsAreBatchLoaded() {
		TestLot busy = lots.lot(operatorId, 12);
		for (int i = 0; i < 12; i++) {
			Instant from = tomorrow.plus(Duration.ofHours(i));
			UUID bookingId = UUID.randomUUID();
			jdbc.sql("""
					insert into booking (id, lot_id, spot_id, user_id, hold_id, during, status, price_minor, currency,
					created_at, updated_at) values (?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), 'CONFIRMED', 200, 'EUR', now(), now())""")
				.params(bookingId, busy.id(), busy.spotIds().get(i), "driver-" + i, "hold-" + UUID.randomUUID(),
						from.atOffset(ZoneOffset.UTC), from.plusSeconds(3600).atOffset(ZoneOffset.UTC))
				.update();
			jdbc.sql("""
					insert into parking_session (id, lot_id, spot_id, user_id, vehicle_plate, started_at, ended_at, currency)
					values (?, ?, ?, ?, 'AB 1', ?, ?, 'EUR')""")
				.params(UUID.randomUUID(), busy.id(), busy.spotIds().get(i), "driver-" + i,
						Instant.now().minusSeconds(7200 - i).atOffset(ZoneOffset.UTC),
						Instant.now().minusSeconds(3600).atOffset(ZoneOffset.UTC))
				.update();
		}
		long bookingsForTwo = fewest(() -> raw(LOT_BOOKINGS, operator, busy, 2), "lotBookings", 2);
		long bookingsForTwelve = fewest(() -> raw(LOT_BOOKINGS, operator, busy, 12), "lotBookings", 12);
		assertThat(bookingsForTwelve).as("lotBookings: %d for 2, %d for 12", bookingsForTwo, bookingsForTwelve)
			.isEqualTo(bookingsForTwo);
		long sessionsForTwo = fewest(() -> raw(LOT_SESSIONS, operator, busy, 2), "lotSessions", 2);
		long sessionsForTwelve = fewest(() -> raw(LOT_SESSIONS, operator, busy, 12), "lotSessions", 12);
		assertThat(sessionsForTwelve).as("lotSessions: %d for 2, %d for 12", sessionsForTwo, sessionsForTwelve)
			.isEqualTo(sessionsForTwo);
	}

	private long fewest(Supplier<JsonNode> query, String field, int expected) {
		return LongStream.range(0, 3).map(run -> {
			statements.reset();
			JsonNode response = query.get();
			long count = statements.count();
			assertThat(ids(data(response).path(field))).hasSize(expected);
			return count;
		}).min().orElseThrow();
	}

	private JsonNode lotBookings(String token, Map<String, ?> filter, Integer first, String after) {
		return data(raw(LOT_BOOKINGS, token, filter, first, after)).path("lotBookings");
	}

	private JsonNode raw(String document, String token, TestLot of, int first) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("lotId", of.id().toString());
		variables.put("first", first);
		return api.execute(token, document, variables);
	}

	private JsonNode raw(String document, String token, Map<String, ?> filter, Integer first, String after) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("lotId", lot.id().toString());
		variables.put("filter", filter);
		variables.put("first", first);
		variables.put("after", after);
		return api.execute(token, document, variables);
	}

	private JsonNode refund(String token, String paymentId, Long amount, String key) {
		Map<String, Object> input = new HashMap<>();
		input.put("paymentId", paymentId);
		input.put("amountMinor", amount);
		input.put("reason", "goodwill");
		input.put("idempotencyKey", key);
		return api.execute(token, REFUND, Map.of("input", input));
	}

	private static JsonNode payload(JsonNode response) {
		JsonNode payload = data(response).path("refundPayment");
		assertThat(codes(payload)).as("%s", payload).isEmpty();
		return payload;
	}

	/** The code of the payload's single user error and the last element of its field path. */
	private static List<String> onlyError(JsonNode response) {
		JsonNode errors = data(response).path("refundPayment").path("userErrors");
		assertThat(errors.size()).as("%s", response).isOne();
		JsonNode field = errors.path(0).path("field");
		return List.of(errors.path(0).path("code").asString(), field.path(field.size() - 1).asString());
	}

	private static List<String> ids(JsonNode connection) {
		return connection.path("edges").valueStream().map(edge -> edge.path("node").path("id").asString()).toList();
	}
}
