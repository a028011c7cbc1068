package org.openparking.api.live.internal;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.sessions.SessionStatus;

/** The GraphQL {@code SessionEvent}, sent on the owner's user channel; {@code session} is resolved on demand. */
public record SessionEvent(UUID sessionId, UUID lotId, SessionStatus status, Instant occurredAt) implements LiveMessage {
}
