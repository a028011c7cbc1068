package org.openparking.api.payments;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;

/** The provider approved a charge. Published once per payment, in the transaction that records the outcome. */
public record PaymentCompleted(UUID paymentId, PaymentSubject subject, UserId userId, Money amount,
		String providerReference, Instant occurredAt) {
}
