package org.openparking.gateway.handoff;

import java.time.Instant;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The message a unit came from, as far as a dead letter needs it.
 *
 * @param deviceId the topic's device id when valid
 * @param payload the body as received (already cut for an oversized one); only dead letters copy from it
 * @param excerptLimit how many bytes of the body a dead letter keeps
 */
public record UplinkOrigin(Instant receivedAt, String topic, @Nullable String deviceId, int payloadSize,
		byte[] payload, int excerptLimit) {

	byte[] excerpt() {
		return Arrays.copyOf(payload, Math.min(payload.length, excerptLimit));
	}
}
