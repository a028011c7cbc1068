package org.openparking.gateway.handoff;

import java.time.Instant;

/** A device missed its heartbeat deadline at {@code deadline} (gateway clock). */
public record CommsLoss(String deviceId, Instant deadline) {
}
