package org.openparking.simulator;

import java.time.Duration;

import org.openparking.simulator.plan.TimeOfDayProfile;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options simulate and bench share: where, which lot, what to simulate, how to report. */
final class RunOptions {

	@Mixin
	ConnectionOptions connection;

	@Mixin
	LotOptions lot;

	@Mixin
	ScenarioOptions scenario;

	@Option(names = "--json", description = "Print the summary as JSON.")
	boolean json;

	@Option(names = "--progress", defaultValue = "5s", description = "Progress line interval (${DEFAULT-VALUE}).")
	Duration progress;

	/**
	 * A command's own defaults for the options left at the general ones (so {@code --demo --rate=60} still means 60),
	 * with a flat profile. Returns whether the stays were left at their defaults, for the command to set its own.
	 */
	boolean preset(String lotName, int spots, Duration duration, double rate) {
		if ("Simulated lot".equals(lot.lotName)) {
			lot.lotName = lotName;
		}
		if (scenario.spots == 100) {
			scenario.spots = spots;
		}
		if (scenario.duration.equals(Duration.ofHours(1))) {
			scenario.duration = duration;
		}
		if (scenario.rate == 120) {
			scenario.rate = rate;
		}
		if (scenario.profile == TimeOfDayProfile.WEEKDAY) {
			scenario.profile = TimeOfDayProfile.FLAT;
		}
		return scenario.dwellMedian.equals(Duration.ofMinutes(90));
	}
}
