package org.openparking.api.bookings;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openparking.api.payments.ChargeRequest;
import org.openparking.api.payments.PaymentStatus;
import org.openparking.api.payments.PaymentSubject;
import org.openparking.api.payments.Payments;
import org.openparking.api.security.Role;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;
import org.openparking.api.support.LotFixtures.TestLot;
import org.openparking.api.support.PipelineIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** cancelBooking under the default policy: free until the start, nothing back afterwards. */
@PipelineIntegrationTest
class BookingCancellationTest extends BookingTestSupport {

	@Autowired
	Payments payments;

	private final Instant from = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private final Instant to = from.plus(3, ChronoUnit.HOURS);

	@Test
	void cancellingBeforeTheStartRefundsEverythingAndFreesTheSpot() {
		TestLot lot = lot(1);
		String userId = "driver-" + UUID.randomUUID();
		String driver = tokens.mint(userId, Role.DRIVER);
		String id = api.bookConfirmed(driver, lot.spotIds().getFirst(), from, to);

		JsonNode payload = api.cancel(driver, id, "  plans changed ", null);

		assertThat(BookingApi.codes(payload)).isEmpty();
		assertThat(payload.path("refunded").path("amountMinor").asLong()).isEqualTo(600);
		JsonNode booking = payload.path("booking");
		assertThat(booking.path("status").asString()).isEqualTo("CANCELLED");
		JsonNode payment = api.booking(driver, id).path("payments").get(0);
		assertThat(payment.path("status").asString()).isEqualTo("REFUNDED");
		assertThat(payment.path("refunds")).singleElement()
			.satisfies(refund -> assertThat(refund.path("amount").path("amountMinor").asLong()).isEqualTo(600));
		assertThat(jdbc.sql("select cancellation_reason from booking where id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("plans changed");
		String other = driver();
		assertThat(api.holdSpot(other, lot.spotIds().getFirst(), from, to).path("userErrors").size()).isZero();
		awaitRefundRows(id, 1);
	}

	@Test
	void aRepeatedCancellationKeyReplaysAndACancelledBookingIsNotCancellable() {
		TestLot lot = lot(1);
		String driver = driver();
		String id = api.bookConfirmed(driver, lot.spotIds().getFirst(), from, to);
		String key = "cancel-" + UUID.randomUUID();

		JsonNode first = api.cancel(driver, id, null, key);
		JsonNode replay = api.cancel(driver, id, null, key);
		JsonNode again = api.cancel(driver, id, null, null);

		assertThat(replay).isEqualTo(first);
		assertThat(BookingApi.codes(again)).containsExactly("BOOKING_NOT_CANCELLABLE");
		awaitRefundRows(id, 1);
	}

	@Test
	void onlyTheDriverOrAnAdministratorMayCancel() {
		TestLot lot = lot(1);
		String driver = driver();
		String id = api.bookConfirmed(driver, lot.spotIds().getFirst(), from, to);

		assertThat(BookingApi.codes(api.cancel(tokens.mint("driver-x", Role.DRIVER), id, null, null)))
			.containsExactly("NOT_FOUND");
		assertThat(BookingApi.codes(api.cancel(driver, "not-an-id", null, null))).containsExactly("INVALID_INPUT");
		assertThat(BookingApi.codes(api.cancel(driver, id, "x".repeat(501), null))).containsExactly("INVALID_INPUT");
		assertThat(BookingApi.codes(api.cancel(tokens.mint("admin-1", Role.ADMIN), id, null, null))).isEmpty();
	}

	@Test
	void aBookingWhosePaymentFailedIsNotCancellable() {
		TestLot lot = lot(1);
		String driver = driver();
		String id = api.book(driver, lot.spotIds().getFirst(), from, to, "tok_decline");
		api.awaitStatus(driver, id, "PAYMENT_FAILED");

		assertThat(BookingApi.codes(api.cancel(driver, id, null, null))).containsExactly("BOOKING_NOT_CANCELLABLE");
	}

	@Test
	void cancellingAfterTheStartFreesTheSpotButRefundsNothingByDefault() {
		TestLot lot = lot(1);
		String userId = "driver-" + UUID.randomUUID();
		Instant started = Instant.now().minus(1, ChronoUnit.HOURS);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into booking (id, lot_id, spot_id, user_id, hold_id, during, status, price_minor, currency,
				created_at, updated_at) values (?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), 'CONFIRMED', 400, 'EUR', now(), now())""")
			.params(id, lot.id(), lot.spotIds().getFirst(), userId, "sql-" + id, Timestamp.from(started),
					Timestamp.from(started.plus(2, ChronoUnit.HOURS)))
			.update();
		payments.charge(new ChargeRequest("booking:" + id, PaymentSubject.booking(id), new UserId(userId),
				new Money(400, "EUR"), "tok_approve"));

		JsonNode payload = api.cancel(tokens.mint(userId, Role.DRIVER), id.toString(), null, null);

		assertThat(BookingApi.codes(payload)).isEmpty();
		assertThat(payload.path("refunded").path("amountMinor").asLong()).isZero();
		assertThat(payload.path("booking").path("status").asString()).isEqualTo("CANCELLED");
		assertThat(payload.path("booking").path("payments").get(0).path("status").asString())
			.isEqualTo(PaymentStatus.SUCCEEDED.name());
	}

	/** The inline refund and its durable twin use one key: once both ran, one refund row per payment. */
	private void awaitRefundRows(String bookingId, int expected) {
		Instant deadline = Instant.now().plusSeconds(20);
		while (durableRefundsDone(bookingId) == 0 && Instant.now().isBefore(deadline)) {
			sleep();
		}
		assertThat(durableRefundsDone(bookingId)).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from refund r join payment p on p.id = r.payment_id where p.booking_id = ?::uuid""")
			.param(bookingId)
			.query(Long.class)
			.single()).isEqualTo(expected);
	}

	private long durableRefundsDone(String bookingId) {
		return jdbc.sql("""
				select count(*) from event_publication where event_type like '%CancellationRefundDue'
				and serialized_event like ? and completion_date is not null""")
			.param("%" + bookingId + "%")
			.query(Long.class)
			.single();
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
