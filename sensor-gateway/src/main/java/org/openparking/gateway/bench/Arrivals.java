package org.openparking.gateway.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What a benchmark subscriber counted: how many arrived, when the last one did, and how late each was. */
final class Arrivals {

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong lastNanos = new AtomicLong();

	private final LatencyHistogram latency = new LatencyHistogram();

	private final LatenessTimeline lateness = new LatenessTimeline();

	void arrived(long latencyMillis) {
		received.incrementAndGet();
		lastNanos.set(System.nanoTime());
		latency.record(latencyMillis);
		lateness.record(latencyMillis);
	}

	long received() {
		return received.get();
	}

	long lastNanos() {
		return lastNanos.get();
	}

	LatencyHistogram latency() {
		return latency;
	}

	LatenessTimeline lateness() {
		return lateness;
	}

	/** Waits until {@code expected} arrived, or none came for 20 s; how many arrived. */
	long await(long expected) throws Exception {
		return awaitCount(expected, 200, this::received);
	}

	/** A count read again and again, perhaps from a database. */
	interface Count {

		long read() throws Exception;
	}

	/**
	 * Reads the count every {@code pollMillis} until it reaches {@code expected} or has not moved for 20 s; the last
	 * count read.
	 */
	static long awaitCount(long expected, long pollMillis, Count count) throws Exception {
		long seen = 0;
		long lastChange = System.nanoTime();
		while (seen < expected && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(20)) {
			Thread.sleep(pollMillis);
			long now = count.read();
			if (now != seen) {
				seen = now;
				lastChange = System.nanoTime();
			}
		}
		return seen;
	}
}
