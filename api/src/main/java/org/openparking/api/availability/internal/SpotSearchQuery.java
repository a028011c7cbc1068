package org.openparking.api.availability.internal;

import java.time.Instant;
import java.util.List;

import org.openparking.api.lots.SpotClass;

/**
 * A search as the client sent it, not yet validated: either {@code lotId}, or a point with {@code radiusMeters}.
 * No classes (null or empty) means every class; no {@code maxPricePerHour} means any price.
 */
public record SpotSearchQuery(String lotId, Point near, Integer radiusMeters, Instant from, Instant to,
		List<SpotClass> spotClasses, Integer maxPricePerHour) {

	public record Point(double latitude, double longitude) {
	}
}
