package org.openparking.api.holds.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.openparking.api.holds.Hold;
import org.openparking.api.holds.HoldId;
import org.openparking.api.holds.LiveClaim;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openparking.api.holds.internal.ClaimFixtures.booking;
import static org.openparking.api.holds.internal.ClaimFixtures.session;
import static org.openparking.api.holds.internal.HoldAttempt.Result.HOLD_LIMIT_REACHED;
import static org.openparking.api.holds.internal.HoldAttempt.Result.NO_SPOT_AVAILABLE;
import static org.openparking.api.holds.internal.HoldAttempt.Result.PLACED;
import static org.openparking.api.holds.internal.HoldAttempt.Result.SPOT_TAKEN;

/** hold.lua, release-hold.lua and convert-hold.lua against real Redis. */
@LuaScriptTest
class HoldScriptTest {

	@Autowired
	LotClaimStore store;

	@Test
	void holdsAFreeSpotAndFindsIt() {
		ClaimFixtures lot = new ClaimFixtures(store, 1).ready();
		TimeWindow window = lot.window(1, 2);

		Hold hold = lot.placed("alice", lot.spot(0), window);

		assertThat(hold.spotId()).isEqualTo(lot.spot(0));
		assertThat(hold.userId()).isEqualTo(new UserId("alice"));
		assertThat(hold.window()).isEqualTo(window);
		assertThat(hold.expiresAt()).isEqualTo(lot.now.plus(ClaimFixtures.TTL));
	}

	@Test
	void refusesAnOverlappingWindowButAcceptsBackToBackOnes() {
		ClaimFixtures lot = new ClaimFixtures(store, 1).ready();
		SpotId spot = lot.spot(0);
		lot.placed("alice", spot, lot.window(2, 2));

		assertThat(lot.hold("bob", spot, lot.window(3, 2)).result()).isEqualTo(SPOT_TAKEN);
		assertThat(lot.hold("bob", spot, lot.window(1, 1.5)).result()).isEqualTo(SPOT_TAKEN);
		assertThat(lot.hold("bob", spot, lot.window(2.5, 0.5)).result()).isEqualTo(SPOT_TAKEN);
		assertThat(lot.hold("bob", spot, lot.window(1, 5)).result()).isEqualTo(SPOT_TAKEN);
		assertThat(lot.hold("bob", spot, lot.window(1, 1)).result()).isEqualTo(PLACED);
		assertThat(lot.hold("carol", spot, lot.window(4, 1)).result()).isEqualTo(PLACED);
	}

	@Test
	void respectsBookingsAndSessionsLoadedFromPostgres() {
		ClaimFixtures lot = new ClaimFixtures(store, 2);
		lot.ready(booking(lot.spot(0), lot.window(2, 2)),
				session(lot.spot(1), new TimeWindow(lot.now.minusSeconds(600),
						LiveClaim.OPEN_END)));

		assertThat(lot.hold("bob", lot.spot(0), lot.window(3, 1)).result()).isEqualTo(SPOT_TAKEN);
		assertThat(lot.hold("bob", lot.spot(0), lot.window(4, 1)).result()).isEqualTo(PLACED);
		assertThat(lot.hold("bob", lot.spot(1), lot.window(24 * 30, 1)).result()).isEqualTo(SPOT_TAKEN);
	}

	@Test
	void limitsActiveHoldsPerUserAndLotUntilOneExpires() {
		ClaimFixtures lot = new ClaimFixtures(store, 5).ready();
		for (int i = 0; i < ClaimFixtures.LIMIT; i++) {
			lot.placed("hoarder", lot.spot(i), lot.window(1, 1));
		}

		assertThat(lot.hold("hoarder", lot.spot(3), lot.window(1, 1)).result()).isEqualTo(HOLD_LIMIT_REACHED);
		assertThat(lot.hold("someone-else", lot.spot(3), lot.window(1, 1)).result()).isEqualTo(PLACED);
		ClaimFixtures otherLot = new ClaimFixtures(store, 1).ready();
		assertThat(otherLot.hold("hoarder", otherLot.spot(0), otherLot.window(1, 1)).result()).isEqualTo(PLACED);

		Instant afterExpiry = lot.now.plus(ClaimFixtures.TTL);
		assertThat(lot.holdAt(afterExpiry, "hoarder", List.of(lot.spot(4)), true, lot.window(1, 1)).result())
			.isEqualTo(PLACED);
	}

	@Test
	void anExpiredHoldFreesItsSpotWithoutAnyAction() {
		ClaimFixtures lot = new ClaimFixtures(store, 1).ready();
		Hold hold = lot.placed("alice", lot.spot(0), lot.window(1, 2));
		Instant expiry = hold.expiresAt();

		assertThat(lot.holdAt(expiry.minusMillis(1), "bob", List.of(lot.spot(0)), true, lot.window(1, 2)).result())
			.isEqualTo(SPOT_TAKEN);
		assertThat(store.findHold(hold.id(), expiry)).isEmpty();
		assertThat(lot.holdAt(expiry, "bob", List.of(lot.spot(0)), true, lot.window(1, 2)).result())
			.isEqualTo(PLACED);
		assertThat(store.releaseHold(hold, expiry)).as("an expired hold cannot be released").isFalse();
	}

	@Test
	void picksTheBestFittingSpotOfTheCandidates() {
		ClaimFixtures lot = new ClaimFixtures(store, 4);
		// spot 1: a booking ends right where the window starts; spot 2: one ends an hour before; spot 3: taken
		lot.ready(booking(lot.spot(1), lot.window(0, 2)), booking(lot.spot(2), lot.window(0, 1)),
				booking(lot.spot(3), lot.window(2, 1)));
		List<SpotId> candidates = lot.spots;

		HoldAttempt snug = lot.holdAt(lot.now, "a", candidates, false, lot.window(2, 1));
		HoldAttempt next = lot.holdAt(lot.now, "b", candidates, false, lot.window(2, 1));
		HoldAttempt empty = lot.holdAt(lot.now, "c", candidates, false, lot.window(2, 1));
		HoldAttempt none = lot.holdAt(lot.now, "d", candidates, false, lot.window(2, 1));

		assertThat(snug.spot()).contains(lot.spot(1));
		assertThat(next.spot()).contains(lot.spot(2));
		assertThat(empty.spot()).contains(lot.spot(0));
		assertThat(none.result()).isEqualTo(NO_SPOT_AVAILABLE);
	}

	@Test
	void tiesGoToTheFirstCandidate() {
		ClaimFixtures lot = new ClaimFixtures(store, 3).ready();

		assertThat(lot.holdAt(lot.now, "a", lot.spots, false, lot.window(1, 1)).spot()).contains(lot.spot(0));
		assertThat(lot.holdAt(lot.now, "b", lot.spots.reversed(), false, lot.window(1, 1)).spot())
			.contains(lot.spot(2));
	}

	@Test
	void refusesToWorkOnALotWhoseClaimsAreNotLoaded() {
		ClaimFixtures lot = new ClaimFixtures(store, 1);

		assertThatThrownBy(() -> lot.hold("alice", lot.spot(0), lot.window(1, 1))).isInstanceOf(LotNotReady.class);
	}

	@Test
	void releaseFreesTheSpotForItsOwnerOnly() {
		ClaimFixtures lot = new ClaimFixtures(store, 1).ready();
		Hold hold = lot.placed("alice", lot.spot(0), lot.window(1, 2));
		Hold asSomeoneElse = ClaimFixtures.claimedBy("mallory", hold);

		assertThat(store.releaseHold(asSomeoneElse, lot.now)).isFalse();
		assertThat(store.releaseHold(hold, lot.now)).isTrue();
		assertThat(store.releaseHold(hold, lot.now)).isFalse();
		assertThat(store.findHold(hold.id(), lot.now)).isEmpty();
		assertThat(lot.hold("bob", lot.spot(0), lot.window(1, 2)).result()).isEqualTo(PLACED);
	}

	@Test
	void aReleasedHoldNoLongerCountsTowardsTheLimit() {
		ClaimFixtures lot = new ClaimFixtures(store, 4).ready();
		Hold first = lot.placed("alice", lot.spot(0), lot.window(1, 1));
		lot.placed("alice", lot.spot(1), lot.window(1, 1));
		lot.placed("alice", lot.spot(2), lot.window(1, 1));

		store.releaseHold(first, lot.now);

		assertThat(lot.hold("alice", lot.spot(3), lot.window(1, 1)).result()).isEqualTo(PLACED);
	}

	@Test
	void convertingAHoldKeepsTheSpotClaimedAsABooking() {
		ClaimFixtures lot = new ClaimFixtures(store, 1).ready();
		Hold hold = lot.placed("alice", lot.spot(0), lot.window(1, 2));
		Hold asSomeoneElse = ClaimFixtures.claimedBy("mallory", hold);

		assertThat(store.convertHold(asSomeoneElse, UUID.randomUUID(), lot.now)).isFalse();
		assertThat(store.convertHold(hold, UUID.randomUUID(), lot.now)).isTrue();

		assertThat(store.findHold(hold.id(), lot.now)).isEmpty();
		Instant longAfterTheHoldsTtl = lot.now.plusSeconds(3600);
		assertThat(lot.holdAt(longAfterTheHoldsTtl, "bob", List.of(lot.spot(0)), true, lot.window(1, 2)).result())
			.isEqualTo(SPOT_TAKEN);
		assertThat(store.convertHold(hold, UUID.randomUUID(), lot.now)).as("converted once").isFalse();
	}

	@Test
	void aHoldCannotBeConvertedAfterItExpired() {
		ClaimFixtures lot = new ClaimFixtures(store, 1).ready();
		Hold hold = lot.placed("alice", lot.spot(0), lot.window(1, 2));

		assertThat(store.convertHold(hold, UUID.randomUUID(), hold.expiresAt())).isFalse();
	}

	@Test
	void findsNoHoldThatNeverExisted() {
		assertThat(store.findHold(HoldId.newIn(LotId.random()), Instant.now())).isEmpty();
	}
}
