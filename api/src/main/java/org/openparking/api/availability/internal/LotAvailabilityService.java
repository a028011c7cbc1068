package org.openparking.api.availability.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.openparking.api.availability.ClassAvailability;
import org.openparking.api.availability.LotAvailability;
import org.openparking.api.availability.SpotAvailability;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.springframework.stereotype.Service;

/**
 * One statement finds the spots bookings, sessions and administrative state leave free; Redis is then asked about
 * those spots only, for live holds (the spots PostgreSQL already found taken need no second look).
 */
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
		List<FreeSpots.ClassSpots> classes = freeSpots.byClass(List.of(new LotDistance(lot, 0)), window);
		Set<SpotId> held = claims.claimedDuring(lot,
				classes.stream().flatMap(spots -> spots.free().stream()).toList(), window, clock.instant());
		return new LotAvailability(lot, window, classes.stream()
			.sorted(Comparator.comparing(FreeSpots.ClassSpots::spotClass))
			.map(spots -> new ClassAvailability(spots.spotClass(),
					(int) spots.free().stream().filter(spot -> !held.contains(spot)).count(), spots.total()))
			.toList());
	}
}
