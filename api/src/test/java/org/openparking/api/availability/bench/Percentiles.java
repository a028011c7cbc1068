package org.openparking.api.availability.bench;

import java.util.Collection;

/** Nearest-rank percentiles of timings in milliseconds. */
record Percentiles(int count, double p50, double p90, double p99, double max) {

	static Percentiles of(Collection<Double> millis) {
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
				sorted[sorted.length - 1]);
	}

	private static double rank(double[] sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)];
	}

	String brief() {
		return "%.2f / %.2f".formatted(p50, p99);
	}

	@Override
	public String toString() {
		return "n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms".formatted(count, p50, p90, p99, max);
	}
}
