package org.openparking.gateway.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/** Millisecond buckets up to a minute; enough for percentiles of a benchmark run, and lock-free. */
final class LatencyHistogram {

	private static final int BUCKETS = 60_000;

	private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);

	void record(long millis) {
		counts.incrementAndGet((int) Math.max(0, Math.min(BUCKETS, millis)));
	}

	long count() {
		long total = 0;
		for (int i = 0; i <= BUCKETS; i++) {
			total += counts.get(i);
		}
		return total;
	}

	/** The latency below which this fraction of the samples lies, in ms; -1 without samples. */
	long percentile(double fraction) {
		long total = count();
		if (total == 0) {
			return -1;
		}
		long rank = (long) Math.ceil(fraction * total);
		long seen = 0;
		for (int i = 0; i <= BUCKETS; i++) {
			seen += counts.get(i);
			if (seen >= rank) {
				return i;
			}
		}
		return BUCKETS;
	}
}
