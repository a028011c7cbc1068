package org.openparking.api.sensing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openparking.api.lots.LotSummary;
import org.openparking.api.sensing.internal.Stays.Stay;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.stereotype.Service;

/**
 * Occupancy per hour of the lot's time zone, from the stays the consumer records ({@code spot_stay}, kept
 * {@code parking.sensing.stay-retention}) rather than from the raw observations, which the gateway deletes after
 * 30 days and which would have to be replayed per spot. The denominator is the spots with a sensor registered now;
 * time a spot spent UNKNOWN counts as not occupied. A partial first or last hour counts for its part.
 */
@Service
class OccupancyKpis {

	static final Duration MAX_RANGE = Duration.ofDays(31);

	private final Stays stays;

	private final SpotObservations observations;

	private final Clock clock;

	OccupancyKpis(Stays stays, SpotObservations observations, Clock clock) {
		this.stays = stays;
		this.observations = observations;
		this.clock = clock;
	}

	OccupancyKpisView of(LotSummary lot, Instant from, Instant to) {
		if (!from.isBefore(to)) {
			throw new BusinessException(UserErrorCode.INVALID_WINDOW, "from must be before to", "to");
		}
		if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
			throw new BusinessException(UserErrorCode.INVALID_WINDOW, "The range spans at most 31 days", "to");
		}
		List<Instant> starts = new ArrayList<>();
		ZonedDateTime hour = from.atZone(lot.timeZone()).truncatedTo(ChronoUnit.HOURS);
		while (hour.toInstant().isBefore(to)) {
			starts.add(hour.toInstant());
			hour = hour.plusHours(1);
		}
		int n = starts.size();
		double[] occupiedSeconds = new double[n];
		int[] arrivals = new int[n];
		int[] departures = new int[n];
		double[] dwellSeconds = new double[n];
		Instant now = clock.instant();
		for (Stay stay : stays.overlapping(lot.id().value(), from, to)) {
			Instant end = stay.departedAt() == null ? (now.isBefore(to) ? now : to) : stay.departedAt();
			int first = Math.max(0, bucket(starts, stay.arrivedAt()));
			for (int i = first; i < n && starts.get(i).isBefore(end); i++) {
				Instant hourStart = max(starts.get(i), from);
				Instant hourEnd = min(i + 1 < n ? starts.get(i + 1) : to, to);
				long overlap = Duration.between(max(hourStart, stay.arrivedAt()), min(hourEnd, end)).toMillis();
				occupiedSeconds[i] += Math.max(0, overlap) / 1000.0;
			}
			if (!stay.arrivedAt().isBefore(from)) {
				arrivals[bucket(starts, stay.arrivedAt())]++;
			}
			if (stay.seenLeaving() && stay.departedAt() != null && !stay.departedAt().isBefore(from)
					&& stay.departedAt().isBefore(to)) {
				int i = bucket(starts, stay.departedAt());
				departures[i]++;
				dwellSeconds[i] += Duration.between(stay.arrivedAt(), stay.departedAt()).toMillis() / 1000.0;
			}
		}
		int spots = observations.sensorSpots(lot.id().value());
		List<OccupancyKpisView.Hour> hours = new ArrayList<>(n);
		double totalOccupied = 0;
		int totalArrivals = 0;
		int totalDepartures = 0;
		double totalDwell = 0;
		for (int i = 0; i < n; i++) {
			double seconds = Duration.between(max(starts.get(i), from), i + 1 < n ? starts.get(i + 1) : to)
				.toMillis() / 1000.0;
			hours.add(new OccupancyKpisView.Hour(starts.get(i), percent(occupiedSeconds[i], spots * seconds),
					arrivals[i], departures[i], departures[i] == 0 ? null : dwellSeconds[i] / departures[i] / 60));
			totalOccupied += occupiedSeconds[i];
			totalArrivals += arrivals[i];
			totalDepartures += departures[i];
			totalDwell += dwellSeconds[i];
		}
		double rangeSeconds = Duration.between(from, to).toMillis() / 1000.0;
		return new OccupancyKpisView(lot.id().value(), hours, percent(totalOccupied, spots * rangeSeconds),
				totalArrivals, totalDepartures == 0 ? null : totalDwell / totalDepartures / 60);
	}

	/** The index of the hour that contains the instant (-1 before the first). */
	private static int bucket(List<Instant> starts, Instant at) {
		int found = Collections.binarySearch(starts, at);
		return found >= 0 ? found : -found - 2;
	}

	private static double percent(double part, double whole) {
		return whole <= 0 ? 0 : Math.min(100, Math.round(part / whole * 100_000) / 1000.0);
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}
