package org.openparking.gateway.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time plus an offset that tests advance. One instance per JVM: every gateway context of the test run (they
 * share Redis and PostgreSQL like instances of one cluster) agrees on the time. It keeps flowing, so sensor times
 * taken from the real clock stay plausible.
 */
public final class TestClock extends Clock {

	public static final TestClock INSTANCE = new TestClock();

	private volatile Duration offset = Duration.ZERO;

	private TestClock() {
	}

	public synchronized void advance(Duration by) {
		offset = offset.plus(by);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the gateway works in UTC");
	}
}
