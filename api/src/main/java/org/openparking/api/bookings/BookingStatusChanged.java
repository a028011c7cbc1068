package org.openparking.api.bookings;

import java.time.Instant;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;

public record BookingStatusChanged(BookingId bookingId, LotId lotId, SpotId spotId, UserId userId, TimeWindow window,
		BookingStatus previous, BookingStatus status, Instant occurredAt) {
}
