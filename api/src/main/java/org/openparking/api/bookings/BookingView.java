package org.openparking.api.bookings;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;

/**
 * The source object of the GraphQL {@code Booking} type, for every module that returns bookings (its {@code lot},
 * {@code spot} and {@code payments} are batch-loaded by the bookings module). {@code from} and {@code to} bound the
 * half-open window.
 */
public record BookingView(UUID id, BookingStatus status, UUID lotId, UUID spotId, String userId, Instant from,
		Instant to, String vehiclePlate, Money price, Instant createdAt, Instant updatedAt) {

	public TimeWindow window() {
		return new TimeWindow(from, to);
	}
}
