package org.openparking.api.sessions;

import java.time.Instant;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.UserId;

public record SessionStarted(SessionId sessionId, LotId lotId, SpotId spotId, UserId userId, String vehiclePlate,
		Instant occurredAt) {
}
