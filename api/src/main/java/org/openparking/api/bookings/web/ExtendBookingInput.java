package org.openparking.api.bookings.web;

import java.time.Instant;

record ExtendBookingInput(String bookingId, Instant newTo, String paymentMethodToken, String idempotencyKey) {
}
