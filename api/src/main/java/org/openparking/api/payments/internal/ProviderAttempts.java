package org.openparking.api.payments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

/**
 * Brings a PENDING payment or refund to its outcome. The caller that recorded it calls the provider. Any other caller
 * with the same idempotency key waits for that attempt; if the attempt stays silent past
 * {@link PaymentsProperties#abandonedAfter()}, it died (crash, restart), and the waiting caller takes the row over and
 * calls the provider again with the same key: the provider answers the first call's outcome and moves money once.
 */
@Component
class ProviderAttempts {

	private static final Duration POLL = Duration.ofMillis(100);

	private final Clock clock;

	private final PaymentsProperties properties;

	ProviderAttempts(Clock clock, PaymentsProperties properties) {
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * @param attempt calls the provider with the row's key and records its answer
	 */
	<R extends ProviderAttempt> R settle(R row, boolean recordedHere, AttemptRecords<R> records,
			UnaryOperator<R> attempt) {
		if (recordedHere) {
			return attempt.apply(row);
		}
		long deadline = System.nanoTime() + properties.abandonedAfter().plus(properties.providerTimeout()).toNanos() * 2;
		R current = row;
		while (current.isPending()) {
			Instant now = clock.instant();
			if (current.updatedAt().plus(properties.abandonedAfter()).isBefore(now)
					&& records.takeOver(current.id(), current.version(), now)) {
				return attempt.apply(records.byId(current.id()).orElseThrow());
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("A provider attempt is still pending; retry later");
			}
			pause();
			current = records.byId(current.id()).orElseThrow();
		}
		return current;
	}

	private static void pause() {
		try {
			Thread.sleep(POLL);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TimedProviderCalls.NoProviderAnswer("Interrupted while waiting for a provider attempt", ex);
		}
	}
}
