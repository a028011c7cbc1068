package org.openparking.simulator;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.openparking.simulator.plan.Plan;
import org.openparking.simulator.plan.PlanGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Creates or reuses a lot, registers its sensors, then drives the sensors over MQTT and driver "
				+ "traffic over GraphQL, with optional faults.",
				"Simulated time runs --speed times faster than the wall clock; the API and the gateway keep wall-clock "
						+ "time (booking windows, graces, debounce), so durations that meet them must allow for it." })
final class SimulateCommand implements Callable<Integer> {

	@Mixin
	RunOptions run;

	@Option(names = "--demo",
			description = "A gentle demo: the lot 'Demo lot', 40 spots, a car every ~2 minutes, stays of ~20 minutes, "
					+ "some faults, for a week unless --duration is given.")
	boolean demo;

	@Option(names = "--plan-only", description = "Print the planned events, one per line, and exit (no I/O).")
	boolean planOnly;

	@Override
	public Integer call() throws Exception {
		if (planOnly) {
			plan().events().forEach(System.out::println);
			return 0;
		}
		execute();
		return 0;
	}

	Plan plan() {
		if (demo) {
			demoDefaults();
		}
		return PlanGenerator.generate(run.scenario.seed, run.scenario.config());
	}

	/** Plans and plays the simulation; returns what happened, for callers that check it. */
	Drive.Result execute() throws Exception {
		Plan plan = plan();
		System.err.printf("Plan: seed %d, %d events, %d drivers %s, ends at %s simulated (%s wall)%n", plan.seed(),
				plan.events().size(), plan.drivers().size(), plan.outcomes(), Duration.ofMillis(plan.end()),
				Duration.ofMillis(Math.round(plan.end() / plan.config().speed())));
		return Drive.run("simulate", plan, run, Long.MAX_VALUE, System.err);
	}

	/** A gentle demo; options given explicitly keep their values. */
	private void demoDefaults() {
		ScenarioOptions scenario = run.scenario;
		if (run.preset("Demo lot", 40, Duration.ofDays(7), 30)) {
			scenario.dwellMedian = Duration.ofMinutes(20);
			scenario.minDwell = Duration.ofMinutes(3);
			scenario.maxDwell = Duration.ofHours(2);
			scenario.leadMean = Duration.ofMinutes(5);
			scenario.arrivalSpread = Duration.ofMinutes(2);
			scenario.gap = Duration.ofSeconds(30);
		}
		if (scenario.allFaults == null) {
			scenario.allFaults = 0.02;
		}
	}
}
