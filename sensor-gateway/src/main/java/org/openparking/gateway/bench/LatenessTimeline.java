package org.openparking.gateway.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * When the late events came: per second since the subscriber started, the latest event and how many took longer
 * than {@link #LATE_MILLIS}. A p99 alone cannot tell a run that is slow throughout from one that stalled once for
 * half a second (a collection, a periodic job): at 5,000 events/s one such stall holds more than 1 % of a 20 s run.
 */
final class LatenessTimeline {

	static final long LATE_MILLIS = 100;

	private static final int SECONDS = 3600;

	private final LongSupplier nanoTime;

	private final long startNanos;

	/** To match the seconds with other logs (GC, PostgreSQL). */
	private final Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final AtomicLongArray worst = new AtomicLongArray(SECONDS);

	private final AtomicLongArray late = new AtomicLongArray(SECONDS);

	LatenessTimeline() {
		this(System::nanoTime);
	}

	LatenessTimeline(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		this.startNanos = nanoTime.getAsLong();
	}

	void record(long latencyMillis) {
		int second = (int) Math.min(SECONDS - 1, (nanoTime.getAsLong() - startNanos) / 1_000_000_000L);
		worst.accumulateAndGet(second, latencyMillis, Math::max);
		if (latencyMillis > LATE_MILLIS) {
			late.incrementAndGet(second);
		}
	}

	Instant startedAt() {
		return startedAt;
	}

	/** The seconds with late events, e.g. {@code "s12: 2,310 late, worst 540 ms; s13: 95 late, worst 130 ms"}. */
	String describe() {
		StringJoiner seconds = new StringJoiner("; ");
		for (int second = 0; second < SECONDS; second++) {
			long count = late.get(second);
			if (count > 0) {
				seconds.add("s%d: %,d late, worst %d ms".formatted(second, count, worst.get(second)));
			}
		}
		return seconds.length() == 0 ? "none" : seconds.toString();
	}
}
