package org.openparking.api.payments;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;

/**
 * The provider declined a charge, failed, or did not answer in time. Published once per payment, in the transaction
 * that records the outcome.
 */
public record PaymentFailed(UUID paymentId, PaymentSubject subject, UserId userId, Money amount, String reason,
		Instant occurredAt) {
}
