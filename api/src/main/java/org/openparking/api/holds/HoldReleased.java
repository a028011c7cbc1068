package org.openparking.api.holds;

import java.time.Instant;

/**
 * The driver released the hold, or it became a booking ({@code convertedToBooking}).
 * Listen with a plain {@code @EventListener}: published outside any transaction (see {@link Holds}).
 */
public record HoldReleased(Hold hold, boolean convertedToBooking, Instant occurredAt) {
}
