package org.openparking.api.bookings.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.BookingView;
import org.openparking.api.payments.PaymentSubject;
import org.openparking.api.payments.Payments;
import org.openparking.api.payments.RefundStatus;
import org.openparking.api.payments.RefundView;
import org.openparking.api.security.Caller;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels a confirmed booking under the {@link CancellationPolicy}: CANCELLED and the spot freed in one transaction
 * with the refund that is due, then the refund inline, so the driver learns what came back. The same refund, by the
 * same key, is a durable listener too: a node that dies in between loses no refund, and both runs refund once.
 */
@Service
public class BookingCancellation {

	private static final Logger log = LoggerFactory.getLogger(BookingCancellation.class);

	static final int MAX_REASON_LENGTH = 500;

	private final BookingAccess access;

	private final BookingTransitions transitions;

	private final BookingRecords records;

	private final CancellationPolicy policy;

	private final Payments payments;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	BookingCancellation(BookingAccess access, BookingTransitions transitions, BookingRecords records,
			CancellationPolicy policy, Payments payments, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.access = access;
		this.transitions = transitions;
		this.records = records;
		this.policy = policy;
		this.payments = payments;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** The driver who booked, the operator of the booking's lot, or an administrator. */
	public Cancelled cancel(Caller caller, String bookingId, String reason) {
		if (reason != null && reason.length() > MAX_REASON_LENGTH) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT,
					"A reason has at most " + MAX_REASON_LENGTH + " characters", "input", "reason");
		}
		BookingRow booking = access.toChange(caller, bookingId, true);
		Instant now = clock.instant();
		if (booking.status() != BookingStatus.CONFIRMED) {
			throw notCancellable("Only a confirmed booking can be cancelled; this one is " + booking.status());
		}
		if (!now.isBefore(booking.window().to())) {
			throw notCancellable("This booking has ended");
		}
		BookingId id = booking.bookingId();
		Money refund = policy.refundFor(booking,
				payments.paymentsOf(List.of(id.value())).getOrDefault(id.value(), List.of()), now);
		CancellationRefundDue due = new CancellationRefundDue(id, "booking:" + id + ":cancellation", refund);
		BookingRow cancelled = transaction.execute(tx -> {
			BookingRow changed = transitions.change(id, BookingStatus.CONFIRMED, BookingStatus.CANCELLED)
				.orElseThrow(() -> notCancellable("The booking changed meanwhile; look at it again"));
			if (reason != null && !reason.isBlank()) {
				records.recordCancellationReason(id, reason.strip());
			}
			if (refund.amountMinor() > 0) {
				events.publishEvent(due);
			}
			return changed;
		});
		return new Cancelled(cancelled.view(), refundInline(due));
	}

	/** What came back at once; on trouble the durable listener finishes the refund. */
	private Money refundInline(CancellationRefundDue due) {
		if (due.amount().amountMinor() == 0) {
			return due.amount();
		}
		try {
			long refunded = refund(due).stream()
				.filter(refund -> refund.status() == RefundStatus.SUCCEEDED)
				.mapToLong(refund -> refund.amount().amountMinor())
				.sum();
			return new Money(refunded, due.amount().currency());
		}
		catch (RuntimeException ex) {
			log.warn("Refund of cancelled booking {} left to its durable retry", due.bookingId(), ex);
			return Money.zero(due.amount().currency());
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void refundDurably(CancellationRefundDue due) {
		refund(due);
	}

	private List<RefundView> refund(CancellationRefundDue due) {
		return payments.refund(due.idempotencyKey(), PaymentSubject.booking(due.bookingId().value()), due.amount());
	}

	private static BusinessException notCancellable(String message) {
		return new BusinessException(UserErrorCode.BOOKING_NOT_CANCELLABLE, message, "input", "bookingId");
	}

	public record Cancelled(BookingView booking, Money refunded) {
	}
}
