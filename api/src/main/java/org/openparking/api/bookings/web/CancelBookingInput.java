package org.openparking.api.bookings.web;

record CancelBookingInput(String bookingId, String reason, String idempotencyKey) {
}
