package org.openparking.api.live.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.shared.TimeWindow;
import org.springframework.stereotype.Component;

/** Free spots per class right now: the cached spot list plus one Redis read of the claims, no SQL. */
@Component
class AvailabilityCounter {

	private final LotCatalog catalog;

	private final SpotClaims claims;

	private final Clock clock;

	AvailabilityCounter(LotCatalog catalog, SpotClaims claims, Clock clock) {
		this.catalog = catalog;
		this.claims = claims;
		this.clock = clock;
	}

	AvailabilityEvent count(LotId lot) {
		Instant now = clock.instant();
		List<SpotSummary> spots = catalog.spots(lot);
		// Free now: no hold, booking, session, nor a block for a car nobody accounts for, covering this instant.
		Set<SpotId> free = claims
			.freeDuring(lot, spots.stream().map(SpotSummary::id).toList(), new TimeWindow(now, now.plusMillis(1)), now)
			.keySet();
		Map<SpotClass, int[]> freeAndTotal = new EnumMap<>(SpotClass.class);
		for (SpotSummary spot : spots) {
			int[] counts = freeAndTotal.computeIfAbsent(spot.spotClass(), c -> new int[2]);
			counts[1]++;
			if (spot.isOpen() && free.contains(spot.id())) {
				counts[0]++;
			}
		}
		List<AvailabilityEvent.ClassCount> perClass = freeAndTotal.entrySet()
			.stream()
			.map(e -> new AvailabilityEvent.ClassCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
		return new AvailabilityEvent(lot.value(), perClass, now);
	}
}
