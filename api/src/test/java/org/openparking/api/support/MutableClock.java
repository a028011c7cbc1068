package org.openparking.api.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock tests move by hand, for rules that depend on time passing. Import {@link Config} to make it the
 * application's clock. It starts at the real time, so tokens and the services' own clocks stay plausible.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("A mutable test clock stays in UTC");
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	public void set(Instant instant) {
		now.set(instant);
	}

	public void advance(Duration by) {
		now.updateAndGet(current -> current.plus(by));
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}
	}
}
