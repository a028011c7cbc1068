package org.openparking.api.live.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * The GraphQL {@code SessionEvent}, sent on the owner's user channel. Its {@code session} field resolves to null
 * until the sessions module offers a lookup of its {@code ParkingSession} view to other modules.
 */
public record SessionEvent(UUID sessionId, UUID lotId, Status status, Instant occurredAt) implements LiveMessage {

	/** The GraphQL {@code SessionStatus}. */
	public enum Status {
		ACTIVE, COMPLETED
	}
}
