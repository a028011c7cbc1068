package org.openparking.gateway.ingest;

import java.time.Instant;

/**
 * A message as it came off the broker, waiting in a lane.
 *
 * @param payload the body, or only its first bytes when it is over the size limit
 * @param size the size of the whole body
 * @param acknowledge sends the QoS 1 acknowledgement; called once the message's outcome is durable
 */
public record InboundUplink(String topic, byte[] payload, int size, Instant receivedAt, Runnable acknowledge) {
}
