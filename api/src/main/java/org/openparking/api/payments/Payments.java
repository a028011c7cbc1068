package org.openparking.api.payments;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openparking.api.shared.Money;

public interface Payments {

	/**
	 * Charges through the provider, recording the payment first so a crash cannot charge without a trace. A repeated
	 * idempotency key returns the first outcome. Never throws for a decline or timeout: the view says FAILED.
	 */
	PaymentView charge(ChargeRequest request);

	/** Refunds part or all of the subject's successful payments; a repeated key refunds once. */
	List<RefundView> refund(String idempotencyKey, PaymentSubject subject, Money amount);

	/** Payments of many subjects in one query (for batch loading). */
	Map<UUID, List<PaymentView>> paymentsOf(Collection<UUID> subjectIds);
}
