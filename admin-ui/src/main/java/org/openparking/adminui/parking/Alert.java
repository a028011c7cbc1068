package org.openparking.adminui.parking;

import java.time.Instant;

/** An alert of a lot. */
public record Alert(String id, String lotId, String spotId, String spotCode, AlertKind kind, AlertStatus status,
		String message, String deviceId, Instant raisedAt, String acknowledgedBy, String resolvedBy) {

	public boolean isActive() {
		return status != AlertStatus.RESOLVED;
	}
}
