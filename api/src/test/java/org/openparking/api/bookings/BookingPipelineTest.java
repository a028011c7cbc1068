package org.openparking.api.bookings;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openparking.api.security.Role;
import org.openparking.api.support.LotFixtures.TestLot;
import org.openparking.api.support.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** confirmBooking and the payment pipeline behind it, over HTTP, real holds, PostgreSQL and Redis. */
@PipelineIntegrationTest
class BookingPipelineTest extends BookingTestSupport {

	private final Instant from = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private final Instant to = from.plus(2, ChronoUnit.HOURS);

	@Test
	void aConfirmedHoldIsPendingAtOnceThenConfirmedWithOneSucceededPayment() {
		TestLot lot = lot(1);
		String driver = driver();
		String hold = api.hold(driver, lot.spotIds().getFirst(), from, to);

		JsonNode payload = api.confirm(driver, hold, "tok_approve", "  b-ab   123 ", null);

		assertThat(BookingApi.codes(payload)).isEmpty();
		JsonNode placed = payload.path("booking");
		assertThat(placed.path("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(placed.path("vehiclePlate").asString()).isEqualTo("B-AB 123");
		assertThat(placed.path("price").path("amountMinor").asLong()).isEqualTo(400);
		assertThat(Instant.parse(placed.path("from").asString())).isEqualTo(from);
		assertThat(Instant.parse(placed.path("to").asString())).isEqualTo(to);

		JsonNode confirmed = api.awaitStatus(driver, placed.path("id").asString(), "CONFIRMED");

		assertThat(confirmed.path("payments").size()).isEqualTo(1);
		JsonNode payment = confirmed.path("payments").get(0);
		assertThat(payment.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(payment.path("amount").path("amountMinor").asLong()).isEqualTo(400);
		assertThat(payment.path("providerReference").asString()).startsWith("sim_charge_");
		assertThat(confirmed.path("lot").path("id").asString()).isEqualTo(lot.id().toString());
		assertThat(confirmed.path("spot").path("id").asString()).isEqualTo(lot.spotIds().getFirst().toString());
		assertThat(paymentRows(placed.path("id").asString())).isEqualTo(1);
	}

	@Test
	void aDeclinedPaymentFailsTheBookingAndFreesTheSpot() {
		TestLot lot = lot(1);
		String driver = driver();
		String id = api.book(driver, lot.spotIds().getFirst(), from, to, "tok_decline");

		JsonNode failed = api.awaitStatus(driver, id, "PAYMENT_FAILED");

		assertThat(failed.path("payments")).singleElement().satisfies(payment -> {
			assertThat(payment.path("status").asString()).isEqualTo("FAILED");
			assertThat(payment.path("failureReason").asString()).contains("Declined");
		});
		assertThat(api.holdSpot(driver(), lot.spotIds().getFirst(), from, to).path("userErrors").size()).isZero();
	}

	@Test
	void aPaymentThatTimesOutFailsTheBooking() {
		TestLot lot = lot(1);
		String driver = driver();
		String id = api.book(driver, lot.spotIds().getFirst(), from, to, "tok_timeout");

		JsonNode failed = api.awaitStatus(driver, id, "PAYMENT_FAILED");

		assertThat(failed.path("payments").get(0).path("failureReason").asString()).contains("did not answer");
	}

	@Test
	void confirmingOneHoldTwiceMakesOneBooking() {
		TestLot lot = lot(1);
		String driver = driver();
		String hold = api.hold(driver, lot.spotIds().getFirst(), from, to);

		String first = api.confirm(driver, hold, "tok_approve", null, null).path("booking").path("id").asString();
		String second = api.confirm(driver, hold, "tok_approve", null, null).path("booking").path("id").asString();

		assertThat(second).isEqualTo(first);
		assertThat(jdbc.sql("select count(*) from booking where hold_id = ?").param(hold).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void anIdempotencyKeyReplaysTheSameBooking() {
		TestLot lot = lot(1);
		String driver = driver();
		String hold = api.hold(driver, lot.spotIds().getFirst(), from, to);
		String key = "confirm-" + UUID.randomUUID();

		JsonNode first = api.confirm(driver, hold, "tok_approve", null, key);
		api.awaitStatus(driver, first.path("booking").path("id").asString(), "CONFIRMED");
		JsonNode replay = api.confirm(driver, hold, "tok_approve", null, key);
		JsonNode otherInput = api.confirm(driver, hold, "tok_decline", null, key);

		// The stored payload comes back as it was; only its associations (payments) are resolved afresh.
		assertThat(replay.path("booking").path("id")).isEqualTo(first.path("booking").path("id"));
		assertThat(replay.path("booking").path("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(replay.path("booking").path("createdAt")).isEqualTo(first.path("booking").path("createdAt"));
		assertThat(BookingApi.codes(otherInput)).containsExactly("IDEMPOTENCY_KEY_REUSED");
		assertThat(jdbc.sql("select count(*) from booking where hold_id = ?").param(hold).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void holdsThatAreGoneOrSomeoneElsesAreNotFound() {
		TestLot lot = lot(1);
		String owner = driver();
		String hold = api.hold(owner, lot.spotIds().getFirst(), from, to);

		JsonNode unknown = api.confirm(owner, lot.id() + "." + UUID.randomUUID(), "tok_approve", null, null);
		JsonNode malformed = api.confirm(owner, "not-a-hold", "tok_approve", null, null);
		JsonNode someoneElses = api.confirm(driver(), hold, "tok_approve", null, null);

		assertThat(BookingApi.codes(unknown)).containsExactly("HOLD_NOT_FOUND");
		assertThat(unknown.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"holdId\"]");
		assertThat(BookingApi.codes(malformed)).containsExactly("INVALID_INPUT");
		assertThat(BookingApi.codes(someoneElses)).containsExactly("HOLD_NOT_FOUND");
		assertThat(BookingApi.codes(api.confirm(owner, hold, "tok_approve", null, null))).isEmpty();
	}

	@Test
	void badInputsAreUserErrorsAndLeaveTheHold() {
		TestLot lot = lot(1);
		String driver = driver();
		String hold = api.hold(driver, lot.spotIds().getFirst(), from, to);

		assertThat(BookingApi.codes(api.confirm(driver, hold, "tok_approve", "B*AB 1", null)))
			.containsExactly("INVALID_PLATE");
		assertThat(BookingApi.codes(api.confirm(driver, hold, "tok_approve", "ABCDEFGHIJK1", null)))
			.containsExactly("INVALID_PLATE");
		assertThat(BookingApi.codes(api.confirm(driver, hold, " ", null, null))).containsExactly("INVALID_INPUT");
		assertThat(BookingApi.codes(api.confirm(driver, hold, "tok_approve", "m-xy 9", null))).isEmpty();
	}

	@Test
	void aLotWithoutTariffCannotBeBooked() {
		TestLot lot = lot(1);
		jdbc.sql("delete from tariff where lot_id = ?").param(lot.id()).update();
		String driver = driver();
		String hold = api.hold(driver, lot.spotIds().getFirst(), from, to);

		assertThat(BookingApi.codes(api.confirm(driver, hold, "tok_approve", null, null)))
			.containsExactly("TARIFF_MISSING");
	}

	@Test
	void anonymousCallersAreUnauthorized() {
		JsonNode response = api.execute(null, """
				mutation { confirmBooking(input: {holdId: "x", paymentMethodToken: "tok_approve"}) { userErrors { code } } }""",
				java.util.Map.of());

		assertThat(response.path("errors").get(0).path("extensions").path("classification").asString())
			.isEqualTo("UNAUTHORIZED");
	}

	@Test
	void aBookingIsVisibleToItsDriverTheLotsOperatorAndAdministratorsOnly() {
		String operator = "operator-" + UUID.randomUUID();
		TestLot lot = lots.lot(operator, 1);
		String driver = driver();
		String id = api.book(driver, lot.spotIds().getFirst(), from, to, "tok_approve");

		assertThat(api.booking(driver, id).path("id").asString()).isEqualTo(id);
		assertThat(api.booking(tokens.mint(operator, Role.OPERATOR), id).path("id").asString()).isEqualTo(id);
		assertThat(api.booking(tokens.mint("admin-1", Role.ADMIN), id).path("id").asString()).isEqualTo(id);
		assertThat(api.booking(driver(), id).isNull()).isTrue();
		assertThat(api.booking(tokens.mint("operator-elsewhere", Role.OPERATOR), id).isNull()).isTrue();
		assertThat(api.booking(driver, UUID.randomUUID().toString()).isNull()).isTrue();
		JsonNode malformed = api.execute(driver, "query { booking(id: \"nope\") { id } }", java.util.Map.of());
		assertThat(malformed.path("errors").get(0).path("extensions").path("classification").asString())
			.isEqualTo("BAD_REQUEST");
	}

	private long paymentRows(String bookingId) {
		return jdbc.sql("select count(*) from payment where booking_id = ?::uuid")
			.param(bookingId)
			.query(Long.class)
			.single();
	}
}
