package org.openparking.api.sensing;

import java.time.Instant;
import java.util.UUID;

/** The source object of the GraphQL {@code Alert} type (its {@code spot} is batch-loaded by the sensing module). */
public record AlertView(UUID id, UUID lotId, UUID spotId, AlertKind kind, AlertStatus status, String message,
		UUID bookingId, UUID sessionId, String deviceId, Instant raisedAt, Instant acknowledgedAt,
		String acknowledgedBy, Instant resolvedAt, String resolvedBy) {
}
