package org.openparking.api.live.internal;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.bookings.BookingStatus;

/** The GraphQL {@code BookingEvent}; {@code booking} is resolved on demand, as the subscriber may see it. */
public record BookingEvent(UUID bookingId, UUID lotId, BookingStatus status, Instant occurredAt) implements LiveMessage {
}
