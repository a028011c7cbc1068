package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The GraphQL {@code OccupancyKpis}. */
record OccupancyKpisView(UUID lotId, List<Hour> hours, double averageOccupancyPercent, int turnover,
		Double averageDwellMinutes) {

	/** The GraphQL {@code HourlyOccupancy}. */
	record Hour(Instant hour, double occupancyPercent, int arrivals, int departures, Double averageDwellMinutes) {
	}
}
