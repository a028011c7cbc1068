package org.openparking.gateway.handoff;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The message a unit came from, as far as a dead letter needs it.
 *
 * @param deviceId the topic's device id when valid
 * @param excerpt the first bytes of the body
 */
public record UplinkOrigin(Instant receivedAt, String topic, @Nullable String deviceId, int payloadSize,
		byte[] excerpt) {
}
