package org.openparking.api.availability.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options of {@link SearchBenchmark}, as {@code --name=value}. The benchmark owns its schema and drops
 * it on every run unless {@code --reuse} finds it already seeded.
 */
record BenchOptions(String jdbcUrl, String schema, int redisDatabase, int runs, int httpRequests,
		Duration httpWarmup, Duration httpMaxWarmup, boolean layouts, boolean http, boolean reuse) {

	static BenchOptions parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Options look like --name=value, not " + arg);
			}
			String[] pair = arg.substring(2).split("=", 2);
			values.put(pair[0], pair.length == 2 ? pair[1] : "true");
		}
		BenchOptions options = new BenchOptions(values.getOrDefault("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
				values.getOrDefault("schema", "bench_search"),
				Integer.parseInt(values.getOrDefault("redis-database", "15")),
				Integer.parseInt(values.getOrDefault("runs", "30")),
				Integer.parseInt(values.getOrDefault("http-requests", "2000")),
				duration(values.getOrDefault("http-warmup", "60s")),
				duration(values.getOrDefault("http-max-warmup", "300s")),
				!values.containsKey("skip-layouts"), !values.containsKey("skip-http"), values.containsKey("reuse"));
		values.keySet()
			.removeAll(java.util.Set.of("jdbc-url", "schema", "redis-database", "runs", "http-requests", "http-warmup",
					"http-max-warmup", "skip-layouts", "skip-http", "reuse"));
		if (!values.isEmpty()) {
			throw new IllegalArgumentException("Unknown options " + values.keySet());
		}
		if (!options.schema().matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("--schema must be a plain lower-case identifier");
		}
		return options;
	}

	private static Duration duration(String text) {
		return Duration.parse("PT" + text.toUpperCase());
	}
}
