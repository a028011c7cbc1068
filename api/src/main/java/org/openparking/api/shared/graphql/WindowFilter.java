package org.openparking.api.shared.graphql;

import java.time.Instant;

/** The optional [from, to) bounds of a list filter. */
public final class WindowFilter {

	private WindowFilter() {
	}

	/** Either bound may be open; when both are given, from must come first (a BAD_REQUEST otherwise). */
	public static void requireOrdered(Instant from, Instant to) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidArgumentException("filter.from must be before filter.to");
		}
	}
}
