package org.openparking.api.live.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openparking.api.lots.SpotClass;

/** Counted on the node that serves the subscriber, never sent over Redis. */
public record AvailabilityEvent(UUID lotId, List<ClassCount> freeNow, Instant occurredAt) {

	/** The GraphQL {@code ClassAvailability}: open spots free right now, and every spot of the class. */
	public record ClassCount(SpotClass spotClass, int free, int total) {
	}
}
