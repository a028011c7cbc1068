package org.openparking.api.operations.internal;

import org.openparking.api.security.Caller;
import org.openparking.api.shared.idempotency.IdempotentMutations;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class RefundPaymentController {

	private final IdempotentMutations mutations;

	private final OperatorRefunds refunds;

	RefundPaymentController(IdempotentMutations mutations, OperatorRefunds refunds) {
		this.mutations = mutations;
		this.refunds = refunds;
	}

	/** Operator of the payment's lot (checked once the payment is found) or an administrator. */
	@MutationMapping
	@PreAuthorize("hasAnyRole('OPERATOR','ADMIN')")
	RefundPaymentPayload refundPayment(@Argument RefundPaymentInput input) {
		Caller caller = Caller.current();
		return mutations.executeOrRefuse(caller.id(), input.idempotencyKey(), "refundPayment", input,
				RefundPaymentPayload.class, RefundPaymentPayload::failed,
				() -> new RefundPaymentPayload(refunds.refund(caller, input), java.util.List.of()));
	}
}
