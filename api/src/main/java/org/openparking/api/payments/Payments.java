package org.openparking.api.payments;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openparking.api.shared.Money;

public interface Payments {

	/**
	 * Charges through the provider, recording the payment first so a crash cannot charge without a trace. A repeated
	 * idempotency key returns the first outcome; if the first attempt died before the provider answered, the payment is
	 * finished with the same key once its attempt is overdue, so the provider still charges only once. Never throws for
	 * a decline or timeout: the view says FAILED. Publishes {@link PaymentCompleted} or {@link PaymentFailed} once.
	 * Call it outside a transaction: it commits the pending record before it calls the provider.
	 */
	PaymentView charge(ChargeRequest request);

	/**
	 * Refunds part or all of the subject's successful payments, oldest first, recording each refund before the provider
	 * is called. A repeated key returns the first refunds and refunds once. Like {@link #charge}, call it outside a
	 * transaction: it commits its records on its own.
	 * @return the refunds, with the status the provider gave them (empty for a zero amount)
	 * @throws IllegalArgumentException when more is asked than the subject's payments still hold
	 */
	List<RefundView> refund(String idempotencyKey, PaymentSubject subject, Money amount);

	/**
	 * Refunds part or all of one payment, as {@link #refund} does for a subject. A repeated key returns the first
	 * refunds and refunds once, even when nothing is left to refund by then.
	 * @param amountMinor in the payment's currency; null for everything not refunded yet
	 * @throws org.openparking.api.shared.graphql.BusinessException REFUND_NOT_POSSIBLE when the payment is not
	 * SUCCEEDED or PARTIALLY_REFUNDED, or holds less than asked (refunds still pending count as taken)
	 */
	List<RefundView> refundPayment(String idempotencyKey, UUID paymentId, Long amountMinor);

	Optional<PaymentView> payment(UUID paymentId);

	/** Payments of many subjects in one query (for batch loading). */
	Map<UUID, List<PaymentView>> paymentsOf(Collection<UUID> subjectIds);
}
