package org.openparking.api.payments.internal;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.payments.RefundStatus;
import org.openparking.api.payments.RefundView;
import org.openparking.api.shared.Money;

record RefundRow(UUID id, UUID paymentId, Money amount, RefundStatus status, String providerReference,
		String failureReason, String idempotencyKey, Instant createdAt, Instant updatedAt, long version)
		implements ProviderAttempt {

	static RefundRow pending(UUID paymentId, Money amount, String idempotencyKey, Instant now) {
		return new RefundRow(UUID.randomUUID(), paymentId, amount, RefundStatus.PENDING, null, null, idempotencyKey, now,
				now, 0);
	}

	@Override
	public boolean isPending() {
		return status == RefundStatus.PENDING;
	}

	RefundView view() {
		return new RefundView(id, paymentId, amount, status, createdAt);
	}
}
