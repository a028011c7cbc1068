package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.bookings.BookingView;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.Pricing;
import org.openparking.api.lots.SpotId;
import org.openparking.api.payments.ChargeRequest;
import org.openparking.api.payments.PaymentStatus;
import org.openparking.api.payments.PaymentSubject;
import org.openparking.api.payments.PaymentView;
import org.openparking.api.payments.Payments;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.openparking.api.sensing.internal.SensorStream.at;

/**
 * Overstays are priced by the lot's tariff over [booking end, car left) and recorded as DUE when the car leaves
 * (inside the consumer's transaction), then charged outside any transaction, as the payments port requires. The
 * idempotency key {@code overstay:<booking>} charges once however often a node retries.
 * <p>
 * The booking's payment method is not stored by this system, so the charge names it by reference
 * ({@code booking-on-file:<booking>}): a provider charges the method of the booking's original payment again, as
 * providers do for merchant-initiated charges.
 */
@Component
class OverstayCharges {

	private static final Logger log = LoggerFactory.getLogger(OverstayCharges.class);

	private final JdbcClient jdbc;

	private final Pricing pricing;

	private final LotCatalog catalog;

	private final Payments payments;

	OverstayCharges(JdbcClient jdbc, Pricing pricing, LotCatalog catalog, Payments payments) {
		this.jdbc = jdbc;
		this.pricing = pricing;
		this.catalog = catalog;
		this.payments = payments;
	}

	/** Records what the overstay of the booking costs; nothing when it was recorded already or cannot be priced. */
	void record(BookingView booking, Instant leftAt, Instant now) {
		if (!leftAt.isAfter(booking.to())) {
			return;
		}
		LotId lot = new LotId(booking.lotId());
		Money price = catalog.spot(new SpotId(booking.spotId()))
			.flatMap(spot -> pricing.price(lot, spot.spotClass(), new TimeWindow(booking.to(), leftAt)))
			.orElse(null);
		if (price == null) {
			log.warn("Overstay of booking {} cannot be priced: its lot has no tariff for the spot's class",
					booking.id());
			return;
		}
		jdbc.sql("""
				insert into overstay_charge (booking_id, lot_id, spot_id, user_id, booking_end, left_at, amount_minor,
				  currency, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'DUE', ?) on conflict do nothing""")
			.params(booking.id(), booking.lotId(), booking.spotId(), booking.userId(), at(booking.to()), at(leftAt),
					price.amountMinor(), price.currency(), at(now))
			.update();
	}

	/** Charges what is due; call outside a transaction. A repeat after a crash reuses the key and charges once. */
	void chargeDue(Instant now) {
		List<Due> due = jdbc.sql("""
				select booking_id, user_id, amount_minor, currency from overstay_charge where status = 'DUE'
				order by created_at limit 100""")
			.query((rs, n) -> new Due(rs.getObject("booking_id", UUID.class), rs.getString("user_id"),
					new Money(rs.getLong("amount_minor"), rs.getString("currency").trim())))
			.list();
		for (Due charge : due) {
			try {
				PaymentView payment = payments.charge(new ChargeRequest("overstay:" + charge.bookingId(),
						PaymentSubject.booking(charge.bookingId()), new UserId(charge.userId()), charge.amount(),
						"booking-on-file:" + charge.bookingId()));
				if (payment.status() == PaymentStatus.PENDING) {
					continue; // another node's attempt is under way; the next run sees its outcome
				}
				jdbc.sql("""
						update overstay_charge set status = ?, payment_id = ?, charged_at = ?
						where booking_id = ? and status = 'DUE'""")
					.params(payment.status() == PaymentStatus.FAILED ? "FAILED" : "CHARGED", payment.id(), at(now),
							charge.bookingId())
					.update();
			}
			catch (RuntimeException ex) {
				log.warn("Could not charge the overstay of booking {}: {}", charge.bookingId(), ex.toString());
			}
		}
	}

	private record Due(UUID bookingId, String userId, Money amount) {
	}
}
