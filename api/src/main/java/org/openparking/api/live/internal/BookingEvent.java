package org.openparking.api.live.internal;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.bookings.BookingStatus;

/**
 * The GraphQL {@code BookingEvent}. Its {@code booking} field resolves to null until the bookings module offers a
 * lookup of its {@code Booking} view to other modules.
 */
public record BookingEvent(UUID bookingId, UUID lotId, BookingStatus status, Instant occurredAt) implements LiveMessage {
}
