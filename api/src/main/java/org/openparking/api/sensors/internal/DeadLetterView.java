package org.openparking.api.sensors.internal;

import java.time.Instant;

/** The source object of {@code DeadLetter}; the excerpt is text with invalid bytes replaced. */
record DeadLetterView(long id, Instant receivedAt, String topic, String deviceId, String reason, String detail,
		int payloadSize, String payloadExcerpt) {

	String sortKey() {
		return receivedAt + "|" + id;
	}
}
