package org.openparking.simulator.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.openparking.simulator.plan.Plan;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The end-of-run summary: per operation count, rate and p50/p95/p99/max, errors by kind, counters, the plan. */
public final class Report {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Report() {
	}

	public static Map<String, Object> build(String command, Plan plan, Metrics metrics, Duration wall,
			Map<String, Object> extra) {
		double seconds = Math.max(0.001, wall.toMillis() / 1000.0);
		Map<String, Object> operations = new LinkedHashMap<>();
		metrics.histograms().forEach((name, h) -> operations.put(name, stats(h, seconds)));
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("command", command);
		report.put("seed", plan.seed());
		report.put("wallSeconds", Math.round(seconds * 10) / 10.0);
		report.put("speed", plan.config().speed());
		report.put("simulatedEvents", plan.events().size());
		report.put("drivers", plan.outcomes());
		report.put("apiCallsPerSecond", Math.round(metrics.apiCalls() / seconds * 10) / 10.0);
		report.put("operations", operations);
		report.put("errors", metrics.errors());
		report.put("counters", metrics.counters());
		report.putAll(extra);
		return report;
	}

	private static Map<String, Object> stats(Histogram h, double seconds) {
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("count", h.getTotalCount());
		stats.put("perSecond", Math.round(h.getTotalCount() / seconds * 10) / 10.0);
		stats.put("p50ms", ms(h.getValueAtPercentile(50)));
		stats.put("p95ms", ms(h.getValueAtPercentile(95)));
		stats.put("p99ms", ms(h.getValueAtPercentile(99)));
		stats.put("maxMs", ms(h.getMaxValue()));
		return stats;
	}

	private static double ms(long micros) {
		return Math.round(micros / 100.0) / 10.0;
	}

	public static void printJson(Map<String, Object> report, PrintStream out) {
		out.println(JSON.writeValueAsString(report));
	}

	@SuppressWarnings("unchecked")
	public static void printHuman(Map<String, Object> report, PrintStream out) {
		out.printf("%n%s: seed %s, %s s wall, speed %s, %s simulated events%n", report.get("command"),
				report.get("seed"), report.get("wallSeconds"), report.get("speed"), report.get("simulatedEvents"));
		out.println("drivers by outcome: " + report.get("drivers"));
		out.printf("%-26s %9s %9s %9s %9s %9s %9s%n", "operation", "count", "per s", "p50 ms", "p95 ms", "p99 ms",
				"max ms");
		((Map<String, Map<String, Object>>) report.get("operations")).forEach((name, s) -> out.printf(
				"%-26s %9s %9s %9s %9s %9s %9s%n", name, s.get("count"), s.get("perSecond"), s.get("p50ms"),
				s.get("p95ms"), s.get("p99ms"), s.get("maxMs")));
		Map<String, Object> errors = (Map<String, Object>) report.get("errors");
		out.println("errors by kind: " + (errors.isEmpty() ? "none" : errors));
		out.println("counters: " + report.get("counters"));
		report.forEach((key, value) -> {
			if (!Map.of("command", 1, "seed", 1, "wallSeconds", 1, "speed", 1, "simulatedEvents", 1, "drivers", 1,
					"operations", 1, "errors", 1, "counters", 1).containsKey(key)) {
				out.println(key + ": " + value);
			}
		});
	}
}
