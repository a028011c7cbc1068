package org.openparking.api.sessions;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.openparking.api.sessions.SessionClient.UserErrorSeen;
import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.LotFixtures.TestLot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.sessions.SessionClient.onlyError;

/**
 * A walk-in must not block an upcoming booking: it gets the spot that stays free the longest, and learns by when it
 * must leave. The bookings are written straight into PostgreSQL before the lot is first used, so Redis learns of them
 * the way it does after a restart: by rebuilding the lot's claims from every ClaimSource (bookings' and sessions').
 */
@ApiIntegrationTest
class WalkInSpotChoiceTest extends SessionTestSupport {

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Test
	void aWalkInTakesTheSpotThatStaysFreeLongestAndLearnsWhenItMustLeave() {
		TestLot three = newLot(3);
		Instant soon = now.plus(Duration.ofHours(1));
		Instant later = now.plus(Duration.ofHours(3));
		book(three, 0, soon);
		book(three, 1, later);

		assertWalkIn(sessions.start(newDriver(), three.id(), "B-WI 1"), "S003", null);
		assertWalkIn(sessions.start(newDriver(), three.id(), "B-WI 2"), "S002", later);
		assertWalkIn(sessions.start(newDriver(), three.id(), "B-WI 3"), "S001", soon);
		assertThat(onlyError(sessions.start(newDriver(), three.id(), "B-WI 4")))
			.isEqualTo(new UserErrorSeen("NO_SPOT_AVAILABLE", List.of("input", "spotClass")));
	}

	@Test
	void aNamedSpotBookedLaterServesAWalkInUntilTheBookingStarts() {
		TestLot one = newLot(1);
		Instant booked = now.plus(Duration.ofMinutes(90));
		book(one, 0, booked);

		JsonNode payload = sessions.startOn(newDriver(), one.id(), one.spotIds().getFirst(), "B-WI 5");

		assertWalkIn(payload, "S001", booked);
		// The database keeps the session clear of the booking with the same bound (V4's trigger checks it).
		assertThat(jdbc.sql("select latest_allowed_end from parking_session where id = ?")
			.param(UUID.fromString(payload.path("session").path("id").asString()))
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(booked);
	}

	private void assertWalkIn(JsonNode payload, String spotCode, Instant latestAllowedEnd) {
		assertThat(payload.path("userErrors").isEmpty()).as("%s", payload).isTrue();
		JsonNode session = payload.path("session");
		assertThat(session.path("spot").path("code").asString()).isEqualTo(spotCode);
		if (latestAllowedEnd == null) {
			assertThat(session.path("latestAllowedEnd").isNull()).isTrue();
		}
		else {
			assertThat(Instant.parse(session.path("latestAllowedEnd").asString())).isEqualTo(latestAllowedEnd);
		}
	}

	/** A confirmed one-hour booking of the lot's n-th spot. */
	private void book(TestLot of, int spot, Instant from) {
		insertConfirmedBooking(of, of.spotIds().get(spot), from, from.plus(Duration.ofHours(1)));
	}
}
