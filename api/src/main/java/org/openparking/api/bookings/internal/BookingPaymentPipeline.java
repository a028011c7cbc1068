package org.openparking.api.bookings.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingPlaced;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.payments.ChargeRequest;
import org.openparking.api.payments.PaymentCompleted;
import org.openparking.api.payments.PaymentFailed;
import org.openparking.api.payments.PaymentSubject;
import org.openparking.api.payments.PaymentView;
import org.openparking.api.payments.Payments;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The durable pipeline after a booking is placed: BookingPlaced, then the charge, then PaymentCompleted or
 * PaymentFailed, then CONFIRMED or PAYMENT_FAILED (which frees the spot), then BookingStatusChanged. Every step is a
 * listener on the previous event, recorded in the event publication registry in the transaction that published it,
 * and resubmitted after a restart until it completes. Every step is idempotent: the charge by its key, the
 * transitions by the status they expect.
 */
@Component
class BookingPaymentPipeline {

	private static final Logger log = LoggerFactory.getLogger(BookingPaymentPipeline.class);

	private final BookingRecords records;

	private final Payments payments;

	private final BookingTransitions transitions;

	BookingPaymentPipeline(BookingRecords records, Payments payments, BookingTransitions transitions) {
		this.records = records;
		this.payments = payments;
		this.transitions = transitions;
	}

	/** The key of a booking's first charge: one booking, one charge, however often this step runs. */
	static String paymentKey(BookingId id) {
		return "booking:" + id;
	}

	/** Without a transaction: no database connection is held while the provider answers. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void charge(BookingPlaced placed) {
		BookingId id = placed.bookingId();
		if (records.byId(id).map(booking -> booking.status() != BookingStatus.PENDING_PAYMENT).orElse(true)) {
			return; // a redelivery after the outcome was recorded
		}
		PaymentView payment = payments.charge(new ChargeRequest(paymentKey(id), PaymentSubject.booking(id.value()),
				placed.userId(), placed.price(), placed.paymentMethodToken()));
		log.debug("Charge of booking {}: {}", id, payment.status());
	}

	@ApplicationModuleListener
	void confirm(PaymentCompleted completed) {
		if (completed.subject().kind() == PaymentSubject.Kind.BOOKING) {
			// A charge for an extension meets a CONFIRMED booking and changes nothing.
			transitions.change(new BookingId(completed.subject().id()), BookingStatus.PENDING_PAYMENT,
					BookingStatus.CONFIRMED);
		}
	}

	@ApplicationModuleListener
	void fail(PaymentFailed failed) {
		if (failed.subject().kind() == PaymentSubject.Kind.BOOKING) {
			transitions.change(new BookingId(failed.subject().id()), BookingStatus.PENDING_PAYMENT,
					BookingStatus.PAYMENT_FAILED);
		}
	}
}
