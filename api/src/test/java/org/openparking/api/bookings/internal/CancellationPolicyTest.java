package org.openparking.api.bookings.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.payments.PaymentStatus;
import org.openparking.api.payments.PaymentSubject;
import org.openparking.api.payments.PaymentView;
import org.openparking.api.payments.RefundStatus;
import org.openparking.api.payments.RefundView;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;

import static org.assertj.core.api.Assertions.assertThat;

class CancellationPolicyTest {

	private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

	private final BookingRow booking = new BookingRow(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
			new UserId("driver"), "hold", null, new TimeWindow(START, START.plus(Duration.ofHours(4))),
			BookingStatus.CONFIRMED, new Money(1000, "EUR"), START, START, 0);

	private final List<PaymentView> paid = List.of(payment(1000, PaymentStatus.SUCCEEDED),
			payment(300, PaymentStatus.FAILED));

	@Test
	void byDefaultItIsFreeUntilTheStartAndRefundsNothingAfterwards() {
		CancellationPolicy policy = policy(Duration.ZERO, 0);

		assertThat(policy.refundFor(booking, paid, START.minusSeconds(1))).isEqualTo(new Money(1000, "EUR"));
		assertThat(policy.refundFor(booking, paid, START)).isEqualTo(new Money(0, "EUR"));
	}

	@Test
	void aCutoffBeforeTheStartAndALatePercentageAreConfigurable() {
		CancellationPolicy policy = policy(Duration.ofHours(24), 50);

		assertThat(policy.refundFor(booking, paid, START.minus(Duration.ofHours(25)))).isEqualTo(new Money(1000, "EUR"));
		assertThat(policy.refundFor(booking, paid, START.minus(Duration.ofHours(2)))).isEqualTo(new Money(500, "EUR"));
	}

	@Test
	void whatWasRefundedAlreadyIsNotRefundedAgain() {
		PaymentView partly = new PaymentView(UUID.randomUUID(), PaymentSubject.booking(booking.id()),
				PaymentStatus.PARTIALLY_REFUNDED, new Money(1000, "EUR"), "ref", null,
				List.of(new RefundView(UUID.randomUUID(), UUID.randomUUID(), new Money(400, "EUR"), RefundStatus.SUCCEEDED,
						START)),
				START);

		assertThat(policy(Duration.ZERO, 100).refundFor(booking, List.of(partly), START)).isEqualTo(new Money(600, "EUR"));
	}

	private static CancellationPolicy policy(Duration freeUntilBeforeStart, int lateRefundPercent) {
		return new CancellationPolicy(new BookingsProperties(Duration.ofDays(7),
				new BookingsProperties.Cancellation(freeUntilBeforeStart, lateRefundPercent),
				new BookingsProperties.Retries(Duration.ofMinutes(1), Duration.ofMinutes(1), 10)));
	}

	private PaymentView payment(long amount, PaymentStatus status) {
		return new PaymentView(UUID.randomUUID(), PaymentSubject.booking(booking.id()), status, new Money(amount, "EUR"),
				null, null, List.of(), START);
	}
}
