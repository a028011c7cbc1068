package org.openparking.api.bookings;

import java.time.Instant;
import java.util.List;

/**
 * Narrows {@code lotBookings}: every condition given must hold. {@code from}/{@code to} keep the bookings whose window
 * overlaps [from, to); either may be left open. {@code spotId} keeps one spot's bookings.
 */
public record LotBookingFilter(String vehiclePlate, String userId, List<BookingStatus> statuses, Instant from,
		Instant to, String spotId) {
}
