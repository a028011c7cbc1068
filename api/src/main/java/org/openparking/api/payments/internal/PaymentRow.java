package org.openparking.api.payments.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openparking.api.payments.ChargeRequest;
import org.openparking.api.payments.PaymentStatus;
import org.openparking.api.payments.PaymentSubject;
import org.openparking.api.payments.PaymentView;
import org.openparking.api.payments.RefundView;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;

record PaymentRow(UUID id, PaymentSubject subject, UserId userId, String provider, String providerReference,
		Money amount, PaymentStatus status, String failureReason, String idempotencyKey, Instant createdAt,
		Instant updatedAt, long version) implements ProviderAttempt {

	static PaymentRow pending(ChargeRequest request, String provider, Instant now) {
		return new PaymentRow(UUID.randomUUID(), request.subject(), request.user(), provider, null, request.amount(),
				PaymentStatus.PENDING, null, request.idempotencyKey(), now, now, 0);
	}

	@Override
	public boolean isPending() {
		return status == PaymentStatus.PENDING;
	}

	/** A repeated key must describe the same charge, or it is a caller's bug, not a replay. */
	boolean sameChargeAs(ChargeRequest request) {
		return subject.equals(request.subject()) && userId.equals(request.user()) && amount.equals(request.amount());
	}

	PaymentView view(List<RefundView> refunds) {
		return new PaymentView(id, subject, status, amount, providerReference, failureReason, refunds, createdAt);
	}
}
