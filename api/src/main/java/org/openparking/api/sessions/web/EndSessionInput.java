package org.openparking.api.sessions.web;

record EndSessionInput(String paymentMethodToken, String idempotencyKey) {
}
