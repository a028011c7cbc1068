package org.openparking.api.shared;

import java.time.Duration;
import java.time.Instant;

import org.springframework.util.Assert;

/** A half-open window [from, to): back-to-back windows do not overlap. */
public record TimeWindow(Instant from, Instant to) {

	public TimeWindow {
		Assert.notNull(from, "from must not be null");
		Assert.notNull(to, "to must not be null");
		Assert.isTrue(from.isBefore(to), "from must be before to");
	}

	public boolean overlaps(TimeWindow other) {
		return from.isBefore(other.to) && other.from.isBefore(to);
	}

	public Duration length() {
		return Duration.between(from, to);
	}
}
