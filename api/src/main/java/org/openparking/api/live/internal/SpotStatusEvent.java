package org.openparking.api.live.internal;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.holds.CommercialState;

/** {@code commercialState} is the spot's state right now, read when the event was relayed, not implied by the cause. */
public record SpotStatusEvent(UUID lotId, UUID spotId, CommercialState commercialState, SpotChangeCause cause,
		Instant occurredAt) implements LiveMessage {
}
