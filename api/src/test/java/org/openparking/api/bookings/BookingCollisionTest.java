package org.openparking.api.bookings;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openparking.api.support.LotFixtures.TestLot;
import org.openparking.api.support.PipelineIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two live bookings of one spot never overlap: in Redis, and in PostgreSQL when Redis does not know. */
@PipelineIntegrationTest
class BookingCollisionTest extends BookingTestSupport {

	@Autowired
	StringRedisTemplate redis;

	private final Instant ten = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private final Instant eleven = ten.plus(1, ChronoUnit.HOURS);

	private final Instant twelve = ten.plus(2, ChronoUnit.HOURS);

	private final Instant one = ten.plus(3, ChronoUnit.HOURS);

	@Test
	void anOverlappingWindowIsRefusedAndABackToBackOneAccepted() {
		TestLot lot = lot(1);
		UUID spot = lot.spotIds().getFirst();
		api.bookConfirmed(driver(), spot, ten, twelve);

		JsonNode overlapping = api.holdSpot(driver(), spot, eleven, one);
		String backToBack = api.bookConfirmed(driver(), spot, twelve, one);

		assertThat(overlapping.path("hold").isNull()).isTrue();
		assertThat(BookingApi.codes(overlapping)).isNotEmpty();
		assertThat(backToBack).isNotBlank();
	}

	@Test
	void theDatabaseRefusesOverlappingLiveBookingsOfASpot() {
		TestLot lot = lot(2);
		UUID spot = lot.spotIds().getFirst();
		insertBooking(lot, spot, ten, twelve, "CONFIRMED");

		assertThatThrownBy(() -> insertBooking(lot, spot, eleven, one, "CONFIRMED"))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("booking_no_overlap");
		assertThatThrownBy(() -> insertBooking(lot, spot, ten, twelve, "PENDING_PAYMENT"))
			.isInstanceOf(DataIntegrityViolationException.class);
		insertBooking(lot, spot, twelve, one, "CONFIRMED");
		insertBooking(lot, spot, eleven, one, "CANCELLED");
		insertBooking(lot, lot.spotIds().get(1), ten, twelve, "CONFIRMED");
	}

	@Test
	void whenRedisMissedABookingTheDatabaseRefusesItAndTheClaimIsReleased() {
		TestLot lot = lot(1);
		UUID spot = lot.spotIds().getFirst();
		String driver = driver();
		api.hold(driver, spot, one, one.plus(1, ChronoUnit.HOURS)); // loads the lot's claims into Redis
		insertBooking(lot, spot, ten, twelve, "CONFIRMED"); // behind Redis's back
		String hold = api.hold(driver, spot, eleven, one);

		JsonNode refused = api.confirm(driver, hold, "tok_approve", null, null);

		assertThat(BookingApi.codes(refused)).containsExactly("SPOT_TAKEN");
		assertThat(api.holdSpot(driver(), spot, eleven, one).path("userErrors").size())
			.as("the booking claim was released, so Redis sees the window free again").isZero();
	}

	@Test
	void afterRedisLostEverythingAConfirmedWindowIsStillTaken() {
		TestLot lot = lot(1);
		UUID spot = lot.spotIds().getFirst();
		api.bookConfirmed(driver(), spot, ten, twelve);

		// As after a Redis restart without persistence: everything is gone, not just this test's database.
		redis.execute((org.springframework.data.redis.core.RedisCallback<Void>) connection -> {
			connection.serverCommands().flushAll();
			return null;
		});

		assertThat(api.holdSpot(driver(), spot, eleven, one).path("hold").isNull()).isTrue();
		assertThat(api.holdSpot(driver(), spot, twelve, one).path("userErrors").size()).isZero();
	}

	private void insertBooking(TestLot lot, UUID spot, Instant from, Instant to, String status) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into booking (id, lot_id, spot_id, user_id, hold_id, during, status, price_minor, currency,
				created_at, updated_at) values (?, ?, ?, 'driver-sql', ?, tstzrange(?, ?, '[)'), ?, 400, 'EUR', now(), now())""")
			.params(id, lot.id(), spot, "sql-" + id, Timestamp.from(from), Timestamp.from(to), status)
			.update();
	}
}
