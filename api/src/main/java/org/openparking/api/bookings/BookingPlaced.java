package org.openparking.api.bookings;

import java.time.Instant;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;

/** A hold became a PENDING_PAYMENT booking: the start of the payment pipeline. */
public record BookingPlaced(BookingId bookingId, LotId lotId, SpotId spotId, UserId userId, TimeWindow window,
		Money price, String paymentMethodToken, Instant occurredAt) {
}
