package org.openparking.gateway.handoff;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One row of the hand-off channel to the api (table sensor_observation).
 *
 * @param occupied set for OCCUPANCY only
 * @param observedAt sensor time of the reading (COMMS_LOST: when the heartbeat deadline passed, gateway clock)
 * @param receivedAt when the gateway received the reading or detected the loss
 * @param seq the sequence number of the reading (COMMS_LOST: of the last reading before the silence)
 */
public record Observation(String deviceId, UUID lotId, UUID spotId, ObservationKind kind, @Nullable Boolean occupied,
		Instant observedAt, Instant receivedAt, long seq) {
}
