package org.openparking.api.bookings.internal;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.BookingView;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;

/** A booking as stored; {@code version} grows with every change, so it names one state of the booking. */
record BookingRow(UUID id, UUID lotId, UUID spotId, UserId userId, String holdId, String vehiclePlate,
		TimeWindow window, BookingStatus status, Money price, Instant createdAt, Instant updatedAt, long version) {

	BookingId bookingId() {
		return new BookingId(id);
	}

	LotId lot() {
		return new LotId(lotId);
	}

	SpotId spot() {
		return new SpotId(spotId);
	}

	BookingView view() {
		return new BookingView(id, status, lotId, spotId, userId.value(), window.from(), window.to(), vehiclePlate,
				price, createdAt, updatedAt);
	}
}
