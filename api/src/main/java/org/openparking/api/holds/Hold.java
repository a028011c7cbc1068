package org.openparking.api.holds;

import java.time.Instant;

import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;

public record Hold(HoldId id, SpotId spotId, UserId userId, TimeWindow window, Instant expiresAt) {
}
