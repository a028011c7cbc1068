package org.openparking.api.availability.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.openparking.api.availability.LotAvailability;
import org.openparking.api.availability.SpotAvailability;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.springframework.stereotype.Service;

/** Counts in one statement, with the lot's live holds from Redis passed in. */
@Service
class LotAvailabilityService implements SpotAvailability {

	private final FreeSpots freeSpots;

	private final SpotClaims claims;

	private final Clock clock;

	LotAvailabilityService(FreeSpots freeSpots, SpotClaims claims, Clock clock) {
		this.freeSpots = freeSpots;
		this.claims = claims;
		this.clock = clock;
	}

	@Override
	public LotAvailability during(LotId lot, TimeWindow window) {
		Set<SpotId> held = claims.claimedDuring(lot, window, clock.instant());
		return new LotAvailability(lot, window, freeSpots.countsByClass(List.of(new LotDistance(lot, 0)), window, held));
	}
}
