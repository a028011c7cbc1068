package org.openparking.api.operations.internal;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingView;
import org.openparking.api.bookings.Bookings;
import org.openparking.api.lots.LotAccess;
import org.openparking.api.lots.LotId;
import org.openparking.api.payments.PaymentSubject;
import org.openparking.api.payments.PaymentView;
import org.openparking.api.payments.Payments;
import org.openparking.api.security.Caller;
import org.openparking.api.sessions.SessionId;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.sessions.Sessions;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.stereotype.Service;

/**
 * An operator refunds a payment of their lot through the payments module's record-first refunds: the same path as a
 * cancellation's refund, so a crash between record and provider call loses or doubles nothing.
 */
@Service
class OperatorRefunds {

	private static final Logger log = LoggerFactory.getLogger(OperatorRefunds.class);

	static final int MAX_REASON_LENGTH = 500;

	private final Payments payments;

	private final Bookings bookings;

	private final Sessions sessions;

	private final LotAccess lotAccess;

	OperatorRefunds(Payments payments, Bookings bookings, Sessions sessions, LotAccess lotAccess) {
		this.payments = payments;
		this.bookings = bookings;
		this.sessions = sessions;
		this.lotAccess = lotAccess;
	}

	/**
	 * @param idempotencyKey the client's key, so a retried request after a crash refunds once; without one every call
	 * is a new refund (the mutation's own idempotency still answers a replay)
	 */
	PaymentView refund(Caller caller, RefundPaymentInput input) {
		UUID paymentId = paymentId(input.paymentId());
		if (input.amountMinor() != null && input.amountMinor() <= 0) {
			throw invalid("The amount must be positive", "amountMinor");
		}
		if (input.reason() != null && input.reason().length() > MAX_REASON_LENGTH) {
			throw invalid("A reason has at most " + MAX_REASON_LENGTH + " characters", "reason");
		}
		PaymentView payment = payments.payment(paymentId).orElseThrow(OperatorRefunds::notFound);
		lotAccess.requireOperator(caller, lotOf(payment.subject()).orElseThrow(OperatorRefunds::notFound));
		String key = "operator-refund:" + caller.id() + ":"
				+ (input.idempotencyKey() == null ? UUID.randomUUID() : input.idempotencyKey());
		payments.refundPayment(key, paymentId, input.amountMinor());
		log.info("{} refunded payment {} ({} minor units asked, null = all left): {}", caller.id(), paymentId,
				input.amountMinor(), input.reason());
		return payments.payment(paymentId).orElseThrow();
	}

	private Optional<LotId> lotOf(PaymentSubject subject) {
		return switch (subject.kind()) {
			case BOOKING -> bookings.find(new BookingId(subject.id())).map(BookingView::lotId).map(LotId::new);
			case SESSION -> sessions.find(new SessionId(subject.id())).map(SessionView::lotId).map(LotId::new);
		};
	}

	private static UUID paymentId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw invalid("Not a payment id: " + id, "paymentId");
		}
	}

	private static BusinessException notFound() {
		return new BusinessException(UserErrorCode.NOT_FOUND, "No such payment", "input", "paymentId");
	}

	private static BusinessException invalid(String message, String field) {
		return new BusinessException(UserErrorCode.INVALID_INPUT, message, "input", field);
	}
}
