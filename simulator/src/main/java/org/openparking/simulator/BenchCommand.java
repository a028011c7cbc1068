package org.openparking.simulator;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.openparking.simulator.plan.Plan;
import org.openparking.simulator.plan.PlanGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "A fixed load for a fixed time (--duration): throughput and p50/p95/p99 per operation, errors "
				+ "by kind, and the end-to-end latency from publishing a reading to its spotObservationChanged event "
				+ "(includes the gateway's debounce).",
				"Defaults: flat profile, 1,000 spots with sensors, 36,000 arrivals/h (10/s), short stays; every "
						+ "simulate option applies. Events planned after --duration are not sent." })
final class BenchCommand implements Callable<Integer> {

	@Mixin
	RunOptions run;

	@Override
	public Integer call() throws Exception {
		ScenarioOptions scenario = run.scenario;
		if (run.preset("Bench lot", 1000, Duration.ofSeconds(60), 36_000)) {
			scenario.dwellMedian = Duration.ofSeconds(20);
			scenario.minDwell = Duration.ofSeconds(5);
			scenario.maxDwell = Duration.ofSeconds(50);
			scenario.leadMean = Duration.ofSeconds(10);
			scenario.arrivalSpread = Duration.ofSeconds(2);
			scenario.overstayMedian = Duration.ofSeconds(10);
			// Above twice the gateway's default debounce (8 s): a walk-in ends its session gap/2 after driving off,
			// once the spot is seen FREE, so the next car never meets an unexpected-occupancy block.
			scenario.gap = Duration.ofSeconds(20);
			scenario.heartbeat = Duration.ofSeconds(30);
		}
		Plan plan = PlanGenerator.generate(scenario.seed, scenario.config());
		Drive.run("bench", plan, run, scenario.duration.toMillis(), System.err);
		return 0;
	}
}
