package org.openparking.api.sessions;

import java.time.Instant;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;

public record SessionEnded(SessionId sessionId, LotId lotId, SpotId spotId, UserId userId, Money charge,
		Instant occurredAt) {
}
