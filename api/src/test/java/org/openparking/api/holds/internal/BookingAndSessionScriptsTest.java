package org.openparking.api.holds.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.openparking.api.holds.ClaimKind;
import org.openparking.api.holds.CommercialState;
import org.openparking.api.holds.LiveClaim;
import org.openparking.api.holds.SpotClaims.SessionClaim;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.holds.internal.ClaimFixtures.booking;
import static org.openparking.api.holds.internal.ClaimFixtures.session;
import static org.openparking.api.holds.internal.HoldAttempt.Result.PLACED;
import static org.openparking.api.holds.internal.HoldAttempt.Result.SPOT_TAKEN;

/** extend-booking, release-claim, claim-session, claimed-during and states-at against real Redis. */
@LuaScriptTest
class BookingAndSessionScriptsTest {

	private static final UserId DRIVER = new UserId("driver");

	@Autowired
	LotClaimStore store;

	@Test
	void extendsABookingOnlyWhileTheExtensionIsFree() {
		ClaimFixtures lot = new ClaimFixtures(store, 1);
		LiveClaim booking = booking(lot.spot(0), lot.window(1, 1));
		lot.ready(booking, booking(lot.spot(0), lot.window(3, 1)));

		assertThat(extend(lot, booking, booking.window(), lot.window(1, 2.5))).isFalse();
		assertThat(extend(lot, booking, booking.window(), lot.window(1, 2))).as("back-to-back with the next one")
			.isTrue();
		assertThat(lot.hold("bob", lot.spot(0), lot.window(2, 1)).result()).isEqualTo(SPOT_TAKEN);
		assertThat(lot.hold("bob", lot.spot(0), lot.window(0, 1)).result()).isEqualTo(PLACED);
	}

	@Test
	void anExpiredHoldDoesNotBlockAnExtension() {
		ClaimFixtures lot = new ClaimFixtures(store, 1);
		LiveClaim booking = booking(lot.spot(0), lot.window(1, 1));
		lot.ready(booking);
		lot.placed("bob", lot.spot(0), lot.window(2, 1));

		assertThat(store.extendBooking(lot.lot, lot.spot(0), booking.id(), booking.window(), lot.window(1, 2),
				lot.now)).isFalse();
		assertThat(store.extendBooking(lot.lot, lot.spot(0), booking.id(), booking.window(), lot.window(1, 2),
				lot.now.plus(ClaimFixtures.TTL))).isTrue();
	}

	@Test
	void releasingABookingOrASessionFreesTheSpot() {
		ClaimFixtures lot = new ClaimFixtures(store, 2);
		LiveClaim booking = booking(lot.spot(0), lot.window(1, 1));
		LiveClaim session = session(lot.spot(1), new TimeWindow(lot.now, LiveClaim.OPEN_END));
		lot.ready(booking, session);

		assertThat(store.releaseClaim(lot.lot, lot.spot(0), ClaimKind.SESSION, booking.id())).isZero();
		assertThat(store.releaseClaim(lot.lot, lot.spot(0), ClaimKind.BOOKING, booking.id())).isOne();
		assertThat(store.releaseClaim(lot.lot, lot.spot(1), ClaimKind.SESSION, session.id())).isOne();

		assertThat(lot.hold("bob", lot.spot(0), lot.window(1, 1)).result()).isEqualTo(PLACED);
		assertThat(lot.hold("bob", lot.spot(1), lot.window(1, 1)).result()).isEqualTo(PLACED);
	}

	@Test
	void aSessionOnANamedSpotMustLeaveBeforeTheNextBooking() {
		ClaimFixtures lot = new ClaimFixtures(store, 1);
		LiveClaim next = booking(lot.spot(0), lot.window(2, 1));
		lot.ready(next);

		SessionClaim claim = claimSession(lot, List.of(lot.spot(0))).orElseThrow();

		assertThat(claim.spotId()).isEqualTo(lot.spot(0));
		assertThat(claim.latestAllowedEnd()).contains(next.window().from());
		assertThat(lot.hold("bob", lot.spot(0), lot.window(0.5, 1)).result()).isEqualTo(SPOT_TAKEN);
		assertThat(claimSession(lot, List.of(lot.spot(0)))).as("one session at a time").isEmpty();
	}

	@Test
	void aSessionPicksTheSpotFreeLongestAndIsOpenEndedWhenNothingFollows() {
		ClaimFixtures lot = new ClaimFixtures(store, 4);
		lot.ready(booking(lot.spot(0), lot.window(1, 1)), booking(lot.spot(1), lot.window(5, 1)),
				booking(lot.spot(2), lot.window(-1, 2)));

		SessionClaim longest = claimSession(lot, lot.spots).orElseThrow();
		SessionClaim nextLongest = claimSession(lot, lot.spots).orElseThrow();
		SessionClaim last = claimSession(lot, lot.spots).orElseThrow();

		assertThat(longest.spotId()).isEqualTo(lot.spot(3));
		assertThat(longest.latestAllowedEnd()).isEmpty();
		assertThat(nextLongest.spotId()).isEqualTo(lot.spot(1));
		assertThat(nextLongest.latestAllowedEnd()).contains(lot.window(5, 1).from());
		assertThat(last.spotId()).isEqualTo(lot.spot(0));
		assertThat(claimSession(lot, lot.spots)).as("spot 2 is booked now").isEmpty();
		assertThat(lot.hold("bob", lot.spot(3), lot.window(24 * 80, 1)).result()).isEqualTo(SPOT_TAKEN);
	}

	@Test
	void aSessionStartsNoEarlierThanTheRunningBookingEnds() {
		ClaimFixtures lot = new ClaimFixtures(store, 1);
		lot.ready(booking(lot.spot(0), new TimeWindow(lot.now.minusSeconds(3600), lot.now)),
				booking(lot.spot(0), lot.window(0, 1)));

		assertThat(claimSession(lot, lot.spots)).as("a booking starts exactly now").isEmpty();
		assertThat(store.claimForSession(lot.lot, lot.spots, UUID.randomUUID(), DRIVER, lot.now.plusSeconds(3600)))
			.isPresent();
	}

	@Test
	void tellsWhichSpotsAreClaimedDuringAWindow() {
		ClaimFixtures lot = new ClaimFixtures(store, 4);
		lot.ready(booking(lot.spot(0), lot.window(1, 1)), booking(lot.spot(1), lot.window(2, 1)));
		lot.placed("alice", lot.spot(2), lot.window(1.5, 1));

		assertThat(store.claimedDuring(lot.lot, lot.spots, lot.window(1.5, 0.5), lot.now))
			.containsExactlyInAnyOrder(lot.spot(0), lot.spot(2));
		assertThat(store.claimedDuring(lot.lot, lot.spots, lot.window(0, 1), lot.now)).isEmpty();
		assertThat(store.claimedDuring(lot.lot, lot.spots, lot.window(1.5, 0.5), lot.now.plus(ClaimFixtures.TTL)))
			.containsExactly(lot.spot(0));
	}

	@Test
	void tellsWhichSpotsAreFreeDuringAWindowWithTheirStateNow() {
		ClaimFixtures lot = new ClaimFixtures(store, 4);
		lot.ready(booking(lot.spot(0), lot.window(1, 1)),
				booking(lot.spot(1), new TimeWindow(lot.now.minusSeconds(60), lot.now.plusSeconds(1800))));
		lot.placed("alice", lot.spot(2), lot.window(1.5, 1));

		assertThat(store.freeDuring(lot.lot, lot.spots, lot.window(1.5, 0.5), lot.now)).containsExactly(
				Map.entry(lot.spot(1), CommercialState.BOOKED), Map.entry(lot.spot(3), CommercialState.FREE));
		assertThat(store.freeDuring(lot.lot, lot.spots, lot.window(0, 0.25), lot.now)).containsOnlyKeys(lot.spot(0),
				lot.spot(2), lot.spot(3));
		assertThat(store.freeDuring(lot.lot, lot.spots, lot.window(1.5, 0.5), lot.now.plus(ClaimFixtures.TTL)))
			.containsOnlyKeys(lot.spot(1), lot.spot(2), lot.spot(3));
	}

	@Test
	void tellsTheCommercialStateOfEachSpotNow() {
		ClaimFixtures lot = new ClaimFixtures(store, 4);
		lot.ready(booking(lot.spot(1), new TimeWindow(lot.now.minusSeconds(60), lot.now.plusSeconds(3600))),
				session(lot.spot(2), new TimeWindow(lot.now.minusSeconds(60), LiveClaim.OPEN_END)),
				booking(lot.spot(3), lot.window(1, 1)));
		lot.placed("alice", lot.spot(0), lot.window(0, 1));

		Map<SpotId, CommercialState> states = store.statesAt(lot.lot, lot.spots, lot.now);

		assertThat(states).containsExactly(Map.entry(lot.spot(0), CommercialState.HELD),
				Map.entry(lot.spot(1), CommercialState.BOOKED), Map.entry(lot.spot(2), CommercialState.IN_SESSION),
				Map.entry(lot.spot(3), CommercialState.FREE));
		assertThat(store.statesAt(lot.lot, lot.spots, lot.now.plus(ClaimFixtures.TTL)))
			.containsEntry(lot.spot(0), CommercialState.FREE);
	}

	private boolean extend(ClaimFixtures lot, LiveClaim booking, TimeWindow current, TimeWindow extended) {
		return store.extendBooking(lot.lot, booking.spotId(), booking.id(), current, extended, lot.now);
	}

	private Optional<SessionClaim> claimSession(ClaimFixtures lot, List<SpotId> candidates) {
		return store.claimForSession(lot.lot, candidates, UUID.randomUUID(), DRIVER, lot.now);
	}

}
