package org.openparking.simulator;

import java.time.Duration;
import java.time.LocalTime;

import org.openparking.simulator.plan.Faults;
import org.openparking.simulator.plan.SimulationConfig;
import org.openparking.simulator.plan.TimeOfDayProfile;

import picocli.CommandLine.Option;

/**
 * What to simulate. Durations are simulated time, which runs {@code --speed} times faster than the wall clock. The API
 * and the gateway keep wall-clock time: booking windows, graces and debounce are real, so a speed above 1 needs a
 * deployment with a booking minimum length (PARKING_HOLDS_MIN_LENGTH, given here as --min-window) the speed allows.
 */
final class ScenarioOptions {

	@Option(names = "--seed", defaultValue = "1", description = "Same seed and options, same events (${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--spots", defaultValue = "100", description = "Spots in the lot (${DEFAULT-VALUE}).")
	int spots;

	@Option(names = "--sensors", description = "Sensors, one on each of the first spots (default: every spot).")
	Integer sensors;

	@Option(names = "--duration", defaultValue = "1h", description = "Arrivals happen for this long (${DEFAULT-VALUE}).")
	Duration duration;

	@Option(names = "--start-of-day", defaultValue = "08:00",
			description = "Simulated clock time at the start, for the profile (${DEFAULT-VALUE}).")
	LocalTime startOfDay;

	@Option(names = "--profile", defaultValue = "WEEKDAY",
			description = "Arrival intensity by hour: ${COMPLETION-CANDIDATES} (${DEFAULT-VALUE}).")
	TimeOfDayProfile profile;

	@Option(names = "--rate", defaultValue = "120",
			description = "Mean arrivals per simulated hour where the profile is 1 (${DEFAULT-VALUE}).")
	double rate;

	@Option(names = "--booking-share", defaultValue = "0.6", description = "Arrivals that book ahead (${DEFAULT-VALUE}).")
	double bookingShare;

	@Option(names = "--browse-share", defaultValue = "0.3",
			description = "Extra lookers per arrival, search and quote only (${DEFAULT-VALUE}).")
	double browseShare;

	@Option(names = "--cancel-share", defaultValue = "0.05", description = "Bookings cancelled (${DEFAULT-VALUE}).")
	double cancelShare;

	@Option(names = "--extend-share", defaultValue = "0.05", description = "Bookings extended (${DEFAULT-VALUE}).")
	double extendShare;

	@Option(names = "--dwell-median", defaultValue = "90m", description = "Median stay, log-normal (${DEFAULT-VALUE}).")
	Duration dwellMedian;

	@Option(names = "--dwell-sigma", defaultValue = "0.6", description = "Log-normal shape of stays (${DEFAULT-VALUE}).")
	double dwellSigma;

	@Option(names = "--min-dwell", defaultValue = "10m", description = "Shortest stay (${DEFAULT-VALUE}).")
	Duration minDwell;

	@Option(names = "--max-dwell", defaultValue = "10h", description = "Longest stay (${DEFAULT-VALUE}).")
	Duration maxDwell;

	@Option(names = "--lead-mean", defaultValue = "30m",
			description = "Mean time between booking and arrival, exponential (${DEFAULT-VALUE}).")
	Duration leadMean;

	@Option(names = "--arrival-spread", defaultValue = "5m",
			description = "Booked cars arrive up to this long after the start (${DEFAULT-VALUE}); keep it below the "
					+ "API's arrival grace or they count as no-shows.")
	Duration arrivalSpread;

	@Option(names = "--overstay-median", defaultValue = "20m", description = "Median overstay (${DEFAULT-VALUE}).")
	Duration overstayMedian;

	@Option(names = "--heartbeat", defaultValue = "5m",
			description = "Sensor heartbeat interval (${DEFAULT-VALUE}); keep it below the gateway's heartbeat timeout.")
	Duration heartbeat;

	@Option(names = "--flap-pulse", defaultValue = "2s",
			description = "A flap's false reading lasts this long (${DEFAULT-VALUE}); below the gateway debounce.")
	Duration flapPulse;

	@Option(names = "--flap-every", defaultValue = "10m", description = "Mean time between flaps (${DEFAULT-VALUE}).")
	Duration flapEvery;

	@Option(names = "--gap", defaultValue = "2m",
			description = "A spot stays free this long between cars (${DEFAULT-VALUE}); above the gateway debounce.")
	Duration gap;

	@Option(names = "--min-window", defaultValue = "15m",
			description = "The API's minimum booking length, wall clock (PARKING_HOLDS_MIN_LENGTH, ${DEFAULT-VALUE}).")
	Duration minWindow;

	@Option(names = "--min-lead", defaultValue = "5s",
			description = "Shortest wall-clock time between booking and the window's start (${DEFAULT-VALUE}).")
	Duration minLead;

	@Option(names = "--speed", defaultValue = "1",
			description = "Simulated time runs this many times faster than the wall clock (${DEFAULT-VALUE}).")
	double speed;

	@Option(names = "--all-faults", description = "Sets every fault rate below that is not given explicitly.")
	Double allFaults;

	@Option(names = "--flapping", description = "Share of sensors that flap.")
	Double flapping;

	@Option(names = "--offline", description = "Share of sensors that go silent.")
	Double offline;

	@Option(names = "--duplicates", description = "Share of readings sent twice.")
	Double duplicates;

	@Option(names = "--out-of-order", description = "Share of readings followed by an older one.")
	Double outOfOrder;

	@Option(names = "--malformed", description = "Malformed payloads per reading.")
	Double malformed;

	@Option(names = "--unauthorised", description = "Share of arrivals parking without booking or session.")
	Double unauthorised;

	@Option(names = "--no-shows", description = "Share of bookings whose car never comes.")
	Double noShows;

	@Option(names = "--overstays", description = "Share of bookings whose car leaves after the end.")
	Double overstays;

	@Option(names = "--declined", description = "Share of bookings paid with a declined card (tok_decline).")
	Double declined;

	SimulationConfig config() {
		return new SimulationConfig(spots, sensors == null ? spots : sensors, duration, startOfDay, profile, rate,
				bookingShare, browseShare, cancelShare, extendShare, dwellMedian, dwellSigma, minDwell, maxDwell,
				leadMean, arrivalSpread, overstayMedian, heartbeat, flapPulse, flapEvery, gap, minWindow, minLead,
				speed, faults());
	}

	private Faults faults() {
		return new Faults(rate(flapping), rate(offline), rate(duplicates), rate(outOfOrder), rate(malformed),
				rate(unauthorised), rate(noShows), rate(overstays), rate(declined));
	}

	private double rate(Double explicit) {
		return explicit != null ? explicit : allFaults != null ? allFaults : 0;
	}
}
