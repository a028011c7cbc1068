package org.openparking.adminui.parking;

import java.time.Instant;

/** An uplink the gateway rejected. */
public record DeadLetter(String id, Instant receivedAt, String deviceId, String reason, String detail,
		String payloadExcerpt) {
}
