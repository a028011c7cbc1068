package org.openparking.api.payments;

import org.openparking.api.shared.Money;

/**
 * The port to a payment service provider. Implementations must honour the idempotency key the way real providers do:
 * a repeated key returns the first answer and never moves money twice. The caller bounds every call with a timeout
 * and interrupts calls that exceed it.
 */
public interface PaymentProvider {

	/** Stored with each payment, so a reference can be traced back to the provider that issued it. */
	String name();

	Outcome charge(Charge charge);

	Outcome refund(Refund refund);

	record Charge(String idempotencyKey, Money amount, String paymentMethodToken) {
	}

	/** @param chargeReference the provider's reference of the charge being refunded */
	record Refund(String idempotencyKey, String chargeReference, Money amount) {
	}

	sealed interface Outcome {

		/** @param reference the provider's id of the charge or refund */
		record Approved(String reference) implements Outcome {
		}

		record Declined(String reason) implements Outcome {
		}
	}
}
