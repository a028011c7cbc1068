package org.openparking.api.bookings.internal;

import java.time.Instant;
import java.util.List;

import org.openparking.api.payments.PaymentStatus;
import org.openparking.api.payments.PaymentView;
import org.openparking.api.payments.RefundStatus;
import org.openparking.api.payments.RefundView;
import org.openparking.api.shared.Money;
import org.springframework.stereotype.Component;

/** How much of what the driver paid a cancellation refunds ({@code parking.bookings.cancellation.*}). */
@Component
class CancellationPolicy {

	private final BookingsProperties.Cancellation settings;

	CancellationPolicy(BookingsProperties properties) {
		this.settings = properties.cancellation();
	}

	Money refundFor(BookingRow booking, List<PaymentView> payments, Instant now) {
		Instant freeUntil = booking.window().from().minus(settings.freeUntilBeforeStart());
		int percent = now.isBefore(freeUntil) ? 100 : settings.lateRefundPercent();
		Money paid = netPaid(payments, booking.price().currency());
		return new Money(paid.amountMinor() * percent / 100, paid.currency());
	}

	/** What the booking's charges brought in, less what was refunded already. */
	private static Money netPaid(List<PaymentView> payments, String currency) {
		long paid = 0;
		for (PaymentView payment : payments) {
			if (payment.status() == PaymentStatus.PENDING || payment.status() == PaymentStatus.FAILED
					|| !payment.amount().currency().equals(currency)) {
				continue;
			}
			paid += payment.amount().amountMinor();
			for (RefundView refund : payment.refunds()) {
				if (refund.status() != RefundStatus.FAILED) {
					paid -= refund.amount().amountMinor();
				}
			}
		}
		return new Money(paid, currency);
	}
}
