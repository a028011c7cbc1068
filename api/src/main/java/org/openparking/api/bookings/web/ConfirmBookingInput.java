package org.openparking.api.bookings.web;

record ConfirmBookingInput(String holdId, String paymentMethodToken, String vehiclePlate, String idempotencyKey) {
}
