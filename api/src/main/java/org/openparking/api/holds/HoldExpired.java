package org.openparking.api.holds;

import java.time.Instant;

/** Its TTL ran out: the spot is free again without anyone acting. Published once, by whichever node swept it. */
public record HoldExpired(Hold hold, Instant occurredAt) {
}
