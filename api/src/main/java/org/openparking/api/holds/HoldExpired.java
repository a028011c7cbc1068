package org.openparking.api.holds;

import java.time.Instant;

/**
 * Its TTL ran out: the spot is free again without anyone acting (every claim script ignores expired holds at once).
 * Published once, by whichever node swept it, within about a sweep interval ({@code parking.holds.sweep-interval}).
 * Listen with a plain {@code @EventListener}: published outside any transaction (see {@link Holds}).
 */
public record HoldExpired(Hold hold, Instant occurredAt) {
}
