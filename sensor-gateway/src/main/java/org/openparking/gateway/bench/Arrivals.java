package org.openparking.gateway.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What a benchmark subscriber counted: how many arrived, when the last one did, and how late each was. */
final class Arrivals {

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong lastNanos = new AtomicLong();

	private final LatencyHistogram latency = new LatencyHistogram();

	void arrived(long latencyMillis) {
		received.incrementAndGet();
		lastNanos.set(System.nanoTime());
		latency.record(latencyMillis);
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

	/** Waits until {@code expected} arrived, or none came for 20 s; how many arrived. */
	long await(long expected) throws InterruptedException {
		long seen = -1;
		long lastChange = System.nanoTime();
		while (received() < expected && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(20)) {
			Thread.sleep(200);
			if (received() != seen) {
				seen = received();
				lastChange = System.nanoTime();
			}
		}
		return received();
	}
}
