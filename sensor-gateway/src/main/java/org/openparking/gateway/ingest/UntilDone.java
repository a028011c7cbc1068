package org.openparking.gateway.ingest;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * Repeats a step while Redis or PostgreSQL cannot be reached. The lane waits rather than dropping anything: its
 * uplinks stay unacknowledged, and the broker holds back the rest.
 */
final class UntilDone {

	private static final Logger log = LoggerFactory.getLogger(UntilDone.class);

	private final Duration firstBackoff;

	private final Duration maxBackoff;

	private final BooleanSupplier running;

	UntilDone(Duration firstBackoff, Duration maxBackoff, BooleanSupplier running) {
		this.firstBackoff = firstBackoff;
		this.maxBackoff = maxBackoff;
		this.running = running;
	}

	/** @throws Stopped when the gateway shuts down before the step succeeded */
	<T> T run(String step, Supplier<T> action) {
		Duration backoff = firstBackoff;
		while (true) {
			try {
				return action.get();
			}
			catch (DataAccessException ex) {
				if (!running.getAsBoolean()) {
					throw new Stopped();
				}
				log.warn("{} failed, retrying in {}: {}", step, backoff, ex.getMessage());
				sleep(backoff);
				backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
			}
		}
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Stopped();
		}
	}

	/** The batch is abandoned unacknowledged; the broker redelivers it. */
	static final class Stopped extends RuntimeException {

		Stopped() {
			super("stopped", null, false, false);
		}
	}
}
