package org.openparking.api.bookings;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openparking.api.support.LotFixtures.TestLot;
import org.openparking.api.support.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** extendBooking: only into free time, the difference charged, undone when declined. Tariff: 2.00/h. */
@PipelineIntegrationTest
class BookingExtensionTest extends BookingTestSupport {

	private final Instant ten = Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private final Instant twelve = ten.plus(2, ChronoUnit.HOURS);

	private final Instant two = ten.plus(4, ChronoUnit.HOURS);

	private final Instant four = ten.plus(6, ChronoUnit.HOURS);

	@Test
	void anExtensionIntoFreeTimeChargesTheDifference() {
		TestLot lot = lot(1);
		String driver = driver();
		String id = api.bookConfirmed(driver, lot.spotIds().getFirst(), ten, twelve);

		JsonNode payload = api.extend(driver, id, two, "tok_approve", null);

		assertThat(BookingApi.codes(payload)).isEmpty();
		assertThat(payload.path("additionalCharge").path("amountMinor").asLong()).isEqualTo(400);
		JsonNode booking = api.booking(driver, id);
		assertThat(Instant.parse(booking.path("to").asString())).isEqualTo(two);
		assertThat(booking.path("price").path("amountMinor").asLong()).isEqualTo(800);
		assertThat(booking.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(booking.path("payments").valueStream().map(p -> p.path("status").asString()))
			.containsExactly("SUCCEEDED", "SUCCEEDED");
		assertThat(api.holdSpot(driver(), lot.spotIds().getFirst(), twelve, two).path("hold").isNull())
			.as("the extension is claimed in Redis")
			.isTrue();
	}

	@Test
	void anExtensionIntoAnotherBookingIsRefusedAndChangesNothing() {
		TestLot lot = lot(1);
		UUID spot = lot.spotIds().getFirst();
		String driver = driver();
		String id = api.bookConfirmed(driver, spot, ten, twelve);
		api.bookConfirmed(driver(), spot, two, four);

		JsonNode refused = api.extend(driver, id, two.plus(1, ChronoUnit.HOURS), "tok_approve", null);
		JsonNode upToTheNext = api.extend(driver, id, two, "tok_approve", null);

		assertThat(BookingApi.codes(refused)).containsExactly("BOOKING_NOT_EXTENDABLE");
		assertThat(BookingApi.codes(upToTheNext)).isEmpty();
		assertThat(Instant.parse(api.booking(driver, id).path("to").asString())).isEqualTo(two);
	}

	@Test
	void aDeclinedExtensionIsUndoneAndItsTimeFreedAgain() {
		TestLot lot = lot(1);
		String driver = driver();
		String id = api.bookConfirmed(driver, lot.spotIds().getFirst(), ten, twelve);

		JsonNode declined = api.extend(driver, id, two, "tok_decline", null);

		assertThat(BookingApi.codes(declined)).containsExactly("PAYMENT_DECLINED");
		JsonNode booking = api.booking(driver, id);
		assertThat(Instant.parse(booking.path("to").asString())).isEqualTo(twelve);
		assertThat(booking.path("price").path("amountMinor").asLong()).isEqualTo(400);
		assertThat(booking.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(booking.path("payments").valueStream().map(p -> p.path("status").asString()))
			.containsExactly("SUCCEEDED", "FAILED");
		assertThat(api.holdSpot(driver(), lot.spotIds().getFirst(), twelve, two).path("userErrors").size())
			.as("the extension's claim is gone from Redis")
			.isZero();
		JsonNode retried = api.extend(driver, id, two, "tok_approve", null);
		assertThat(BookingApi.codes(retried)).containsExactly("BOOKING_NOT_EXTENDABLE");
	}

	@Test
	void anIdempotencyKeyReplaysTheExtension() {
		TestLot lot = lot(1);
		String driver = driver();
		String id = api.bookConfirmed(driver, lot.spotIds().getFirst(), ten, twelve);
		String key = "extend-" + UUID.randomUUID();

		JsonNode first = api.extend(driver, id, two, "tok_approve", key);
		JsonNode replay = api.extend(driver, id, two, "tok_approve", key);

		assertThat(replay).isEqualTo(first);
		assertThat(api.booking(driver, id).path("payments").size()).isEqualTo(2);
	}

	@Test
	void onlyALaterEndOfAConfirmedBookingOfOnesOwn() {
		TestLot lot = lot(1);
		String driver = driver();
		String id = api.bookConfirmed(driver, lot.spotIds().getFirst(), ten, twelve);

		assertThat(BookingApi.codes(api.extend(driver, id, twelve, "tok_approve", null))).containsExactly("INVALID_WINDOW");
		assertThat(BookingApi.codes(api.extend(driver, id, ten.plus(7, ChronoUnit.DAYS).plusSeconds(1), "tok_approve",
				null))).containsExactly("INVALID_WINDOW");
		assertThat(BookingApi.codes(api.extend(driver(), id, two, "tok_approve", null))).containsExactly("NOT_FOUND");
		assertThat(BookingApi.codes(api.extend(driver, id, two, "", null))).containsExactly("INVALID_INPUT");
		api.cancel(driver, id, null, null);
		assertThat(BookingApi.codes(api.extend(driver, id, two, "tok_approve", null)))
			.containsExactly("BOOKING_NOT_EXTENDABLE");
	}
}
