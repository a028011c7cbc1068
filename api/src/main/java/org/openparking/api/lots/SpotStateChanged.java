package org.openparking.api.lots;

import java.time.Instant;

/** An operator opened, closed or took a spot out of service. */
public record SpotStateChanged(LotId lotId, SpotId spotId, AdministrativeState state, String reason,
		Instant occurredAt) {
}
