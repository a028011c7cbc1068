package org.openparking.api.payments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openparking.api.shared.Money;

public record PaymentView(UUID id, PaymentSubject subject, PaymentStatus status, Money amount,
		String providerReference, String failureReason, List<RefundView> refunds, Instant createdAt) {
}
