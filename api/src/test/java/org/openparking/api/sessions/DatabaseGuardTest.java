package org.openparking.api.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.openparking.api.holds.CommercialState;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.sessions.SessionClient.UserErrorSeen;
import org.openparking.api.sessions.internal.SessionStarter;
import org.openparking.api.support.ApiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.sessions.SessionClient.onlyError;

/**
 * When Redis misses a claim that PostgreSQL has (written behind its back here, as by a lost update), Redis grants the
 * spot, PostgreSQL refuses the session, the driver gets SPOT_TAKEN and the Redis claim is given back.
 */
@ApiIntegrationTest
class DatabaseGuardTest extends SessionTestSupport {

	private static final UserErrorSeen SPOT_TAKEN = new UserErrorSeen("SPOT_TAKEN", List.of("input", "spotId"));

	@Autowired
	SpotClaims claims;

	@Autowired
	MeterRegistry meters;

	UUID spot;

	@BeforeEach
	void lotLoadedIntoRedis() {
		spot = lot.spotIds().getFirst();
		assertThat(stateOfSpot()).isEqualTo(CommercialState.FREE);
	}

	@Test
	void aBookingRedisDoesNotKnowStopsTheSessionByTheCollisionTrigger() {
		Instant now = Instant.now();
		insertConfirmedBooking(lot, spot, now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofHours(1)));
		double refused = refusedByDatabase("SPOT_BOOKED");

		assertThat(onlyError(sessions.startOn(driver, lot.id(), spot, "G-RD 1"))).isEqualTo(SPOT_TAKEN);

		assertThat(refusedByDatabase("SPOT_BOOKED") - refused).isEqualTo(1);
		assertThat(sessionsOf(user)).isZero();
		assertThat(stateOfSpot()).as("the claim was given back").isEqualTo(CommercialState.FREE);
	}

	@Test
	void aSessionRedisDoesNotKnowStopsTheSessionByTheOnePerSpotIndex() {
		jdbc.sql("""
				insert into parking_session (id, lot_id, spot_id, user_id, vehicle_plate, started_at, currency)
				values (?, ?, ?, ?, 'G-RD 2', now(), 'EUR')""")
			.params(UUID.randomUUID(), lot.id(), spot, newUserId())
			.update();
		double refused = refusedByDatabase("SPOT_IN_SESSION");

		assertThat(onlyError(sessions.startOn(driver, lot.id(), spot, "G-RD 3"))).isEqualTo(SPOT_TAKEN);

		assertThat(refusedByDatabase("SPOT_IN_SESSION") - refused).isEqualTo(1);
		assertThat(sessionsOf(user)).isZero();
		assertThat(stateOfSpot()).as("the claim was given back").isEqualTo(CommercialState.FREE);
	}

	private CommercialState stateOfSpot() {
		return claims.statesAt(new LotId(lot.id()), List.of(new SpotId(spot)), Instant.now()).get(new SpotId(spot));
	}

	private double refusedByDatabase(String conflict) {
		return meters.counter(SessionStarter.REFUSED_BY_DATABASE, "conflict", conflict).count();
	}
}
