package org.openparking.simulator.plan;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Everything the event plan depends on besides the seed. All durations are simulated time; the executor divides them
 * by {@code speed} to get wall-clock time, and the API sees the wall-clock windows.
 *
 * @param spots spots the drivers may use (the first {@code sensors} of them carry a sensor)
 * @param arrivalsPerHour mean arrivals per simulated hour where the time-of-day profile is 1.0
 * @param bookingShare share of the (authorised) arrivals that book ahead; the rest park on the spot (walk-in session)
 * @param browseShare extra lookers per arrival who only search and quote
 * @param cancelShare share of booking drivers who cancel before arriving
 * @param extendShare share of booking drivers who extend before arriving (and stay longer)
 * @param minWindow shortest booking window the API accepts ({@code parking.holds.min-length}), scaled by speed
 * @param minLead shortest time between booking and arrival, in wall-clock terms (scaled by speed), so the API never
 *     sees a window that starts in the past
 * @param gap time a spot stays free between two cars, well above the gateway's debounce so every change counts
 * @param flapPulse how long a flapping sensor's false reading lasts; must be below the gateway's debounce
 */
public record SimulationConfig(int spots, int sensors, Duration duration, LocalTime startOfDay, TimeOfDayProfile profile,
		double arrivalsPerHour, double bookingShare, double browseShare, double cancelShare, double extendShare,
		Duration dwellMedian, double dwellSigma, Duration minDwell, Duration maxDwell, Duration leadMean,
		Duration arrivalSpread, Duration overstayMedian, Duration heartbeat, Duration flapPulse, Duration flapEvery,
		Duration gap, Duration minWindow, Duration minLead, double speed, Faults faults) {

	public SimulationConfig {
		Objects.requireNonNull(duration);
		Objects.requireNonNull(profile);
		Objects.requireNonNull(faults);
		if (spots < 1 || sensors < 0 || sensors > spots) {
			throw new IllegalArgumentException("need at least one spot and at most one sensor per spot");
		}
		if (!(speed > 0)) {
			throw new IllegalArgumentException("speed must be positive");
		}
		if (!(arrivalsPerHour >= 0)) {
			throw new IllegalArgumentException("the arrival rate must not be negative");
		}
		if (minDwell.compareTo(maxDwell) > 0) {
			throw new IllegalArgumentException("min dwell above max dwell");
		}
	}

	/** A realistic lot at wall-clock speed: an hour of a weekday from 08:00, 100 spots with a sensor each. */
	public static SimulationConfig defaults() {
		return new SimulationConfig(100, 100, Duration.ofHours(1), LocalTime.of(8, 0), TimeOfDayProfile.WEEKDAY, 120,
				0.6, 0.3, 0.05, 0.05, Duration.ofMinutes(90), 0.6, Duration.ofMinutes(10), Duration.ofHours(10),
				Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofMinutes(5),
				Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMinutes(15),
				Duration.ofSeconds(5), 1.0, Faults.NONE);
	}

	/** Simulated time that lasts {@code wall} on the wall clock. */
	Duration scaledFromWall(Duration wall) {
		return Duration.ofMillis(Math.round(wall.toMillis() * speed));
	}

	public SimulationConfig withFaults(Faults newFaults) {
		return new SimulationConfig(spots, sensors, duration, startOfDay, profile, arrivalsPerHour, bookingShare,
				browseShare, cancelShare, extendShare, dwellMedian, dwellSigma, minDwell, maxDwell, leadMean,
				arrivalSpread, overstayMedian, heartbeat, flapPulse, flapEvery, gap, minWindow, minLead, speed,
				newFaults);
	}
}
