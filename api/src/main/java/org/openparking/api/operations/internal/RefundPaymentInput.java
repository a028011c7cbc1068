package org.openparking.api.operations.internal;

record RefundPaymentInput(String paymentId, Long amountMinor, String reason, String idempotencyKey) {
}
