package org.openparking.simulator.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latency per operation (HdrHistogram, microseconds), errors by operation and kind, and plain counters. */
public final class Metrics {

	private final Map<String, ConcurrentHistogram> latencies = new ConcurrentSkipListMap<>();
	private final Map<String, Map<String, LongAdder>> errors = new ConcurrentSkipListMap<>();
	private final Map<String, LongAdder> counters = new ConcurrentSkipListMap<>();
	private final LongAdder totalErrors = new LongAdder();

	public void record(String operation, long nanos) {
		latencies.computeIfAbsent(operation, k -> new ConcurrentHistogram(3_600_000_000L, 3))
			.recordValue(Math.max(0, nanos / 1000));
	}

	public void error(String operation, String kind) {
		errors.computeIfAbsent(operation, k -> new ConcurrentHashMap<>())
			.computeIfAbsent(kind, k -> new LongAdder())
			.increment();
		totalErrors.increment();
	}

	public void count(String counter) {
		counters.computeIfAbsent(counter, k -> new LongAdder()).increment();
	}

	public long counter(String name) {
		LongAdder adder = counters.get(name);
		return adder == null ? 0 : adder.sum();
	}

	public long totalErrors() {
		return totalErrors.sum();
	}

	/** Calls completed over all API operations (not readings, not end-to-end events). */
	public long apiCalls() {
		return latencies.entrySet()
			.stream()
			.filter(e -> !e.getKey().startsWith("mqtt.") && !e.getKey().startsWith("e2e."))
			.mapToLong(e -> e.getValue().getTotalCount())
			.sum();
	}

	public Histogram histogram(String operation) {
		ConcurrentHistogram histogram = latencies.get(operation);
		return histogram == null ? null : histogram.copy();
	}

	public Map<String, Histogram> histograms() {
		Map<String, Histogram> copies = new TreeMap<>();
		latencies.forEach((name, histogram) -> copies.put(name, histogram.copy()));
		return copies;
	}

	public Map<String, Map<String, Long>> errors() {
		Map<String, Map<String, Long>> copy = new TreeMap<>();
		errors.forEach((op, kinds) -> {
			Map<String, Long> byKind = new TreeMap<>();
			kinds.forEach((kind, n) -> byKind.put(kind, n.sum()));
			copy.put(op, byKind);
		});
		return copy;
	}

	public Map<String, Long> counters() {
		Map<String, Long> copy = new TreeMap<>();
		counters.forEach((name, n) -> copy.put(name, n.sum()));
		return copy;
	}
}
