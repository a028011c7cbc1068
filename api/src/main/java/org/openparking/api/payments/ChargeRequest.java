package org.openparking.api.payments;

import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;

/**
 * @param idempotencyKey the same key never charges twice, also across restarts and redeliveries
 */
public record ChargeRequest(String idempotencyKey, PaymentSubject subject, UserId user, Money amount,
		String paymentMethodToken) {
}
