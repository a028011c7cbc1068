package org.openparking.api.live.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Counts live updates dropped on a full queue (they are best effort) and logs the count at 1, 2, 4, 8...: visible
 * without flooding the log.
 */
final class Drops {

	private final AtomicLong count = new AtomicLong();

	private final Logger log;

	private final String message;

	/** @param message the warning, with one {@code {}} for the count so far */
	Drops(Logger log, String message) {
		this.log = log;
		this.message = message;
	}

	void add() {
		long total = count.incrementAndGet();
		if (Long.bitCount(total) == 1) {
			log.warn(message, total);
		}
	}

	long total() {
		return count.get();
	}
}
