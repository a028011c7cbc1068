package org.openparking.adminui.parking;

import java.time.Instant;
import java.util.List;

/** Hourly occupancy of a lot over a range. */
public record OccupancyKpis(List<Hour> hours, double averageOccupancyPercent, int turnover,
		Double averageDwellMinutes) {

	public record Hour(Instant hour, double occupancyPercent, int arrivals, int departures,
			Double averageDwellMinutes) {
	}
}
