package org.openparking.api.holds;

import java.time.Instant;

/**
 * A driver holds a spot for a window until {@code hold.expiresAt}.
 * Listen with a plain {@code @EventListener}: published outside any transaction (see {@link Holds}).
 */
public record HoldPlaced(Hold hold, Instant occurredAt) {
}
