package org.openparking.api.holds.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openparking.api.holds.ClaimKind;
import org.openparking.api.holds.Hold;
import org.openparking.api.holds.HoldId;
import org.openparking.api.holds.LiveClaim;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;

/**
 * A fresh lot per test with its claims loaded, and holds placed at a chosen instant. Times are near the real clock
 * because Redis expires hold hashes by its own clock ({@code PEXPIREAT}).
 */
final class ClaimFixtures {

	static final Duration TTL = Duration.ofMinutes(10);

	static final int LIMIT = 3;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

	final LotId lot = LotId.random();

	final List<SpotId> spots = new ArrayList<>();

	private final LotClaimStore store;

	ClaimFixtures(LotClaimStore store, int spotCount) {
		this.store = store;
		for (int i = 0; i < spotCount; i++) {
			spots.add(SpotId.random());
		}
	}

	ClaimFixtures ready(LiveClaim... claims) {
		store.rebuild(lot, spots, List.of(claims), now);
		return this;
	}

	SpotId spot(int index) {
		return spots.get(index);
	}

	/** A window starting {@code fromHours} after now and lasting {@code hours}. */
	TimeWindow window(double fromHours, double hours) {
		Instant from = now.plusSeconds((long) (fromHours * 3600));
		return new TimeWindow(from, from.plusSeconds((long) (hours * 3600)));
	}

	HoldAttempt hold(String user, SpotId spot, TimeWindow window) {
		return holdAt(now, user, List.of(spot), true, window);
	}

	HoldAttempt holdAt(Instant at, String user, List<SpotId> candidates, boolean named, TimeWindow window) {
		return store.hold(HoldId.newIn(lot), new UserId(user), candidates, named, window, at, at.plus(TTL), LIMIT);
	}

	/** Places a hold that must succeed and returns it as {@code find} sees it. */
	Hold placed(String user, SpotId spot, TimeWindow window) {
		HoldId id = HoldId.newIn(lot);
		HoldAttempt attempt = store.hold(id, new UserId(user), List.of(spot), true, window, now, now.plus(TTL),
				LIMIT);
		if (attempt.result() != HoldAttempt.Result.PLACED) {
			throw new AssertionError("hold refused: " + attempt);
		}
		return store.findHold(id, now).orElseThrow();
	}

	/** The same hold as another user would name it. */
	static Hold claimedBy(String user, Hold hold) {
		return new Hold(hold.id(), hold.spotId(), new UserId(user), hold.window(), hold.expiresAt());
	}

	static LiveClaim booking(SpotId spot, TimeWindow window) {
		return new LiveClaim(spot, ClaimKind.BOOKING, UUID.randomUUID(), window);
	}

	static LiveClaim session(SpotId spot, TimeWindow window) {
		return new LiveClaim(spot, ClaimKind.SESSION, UUID.randomUUID(), window);
	}

}
