package org.openparking.api.payments;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.shared.Money;

/** The provider refunded part or all of a payment; {@code paymentStatus} is the payment's status afterwards. */
public record PaymentRefunded(UUID refundId, UUID paymentId, PaymentSubject subject, Money amount,
		PaymentStatus paymentStatus, Instant occurredAt) {
}
