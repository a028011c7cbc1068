package org.openparking.api.bookings.internal;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.shared.Money;

/**
 * Committed with the cancellation, so the refund happens even if the node dies before it refunds inline. Internal to
 * bookings: other modules follow {@code BookingStatusChanged}.
 */
record CancellationRefundDue(BookingId bookingId, String idempotencyKey, Money amount) {
}
