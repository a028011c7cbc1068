package org.openparking.api.operations.internal;

import java.util.List;

import org.openparking.api.payments.PaymentView;
import org.openparking.api.shared.graphql.UserError;

record RefundPaymentPayload(PaymentView payment, List<UserError> userErrors) {

	static RefundPaymentPayload failed(List<UserError> errors) {
		return new RefundPaymentPayload(null, errors);
	}
}
