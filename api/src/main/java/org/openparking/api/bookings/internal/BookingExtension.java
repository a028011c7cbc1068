package org.openparking.api.bookings.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.BookingView;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.Pricing;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.payments.ChargeRequest;
import org.openparking.api.payments.PaymentStatus;
import org.openparking.api.payments.PaymentSubject;
import org.openparking.api.payments.PaymentView;
import org.openparking.api.payments.Payments;
import org.openparking.api.security.Caller;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the end of a confirmed booking later, only while the spot is free for the extension: first in Redis (the
 * fast refusal), then in PostgreSQL, where the exclusion constraint has the last word. The difference in price is
 * charged with a key of its own (the booking's version after the move names the attempt); a decline undoes the move.
 * The charge is also committed as a durable follow-up, so a node dying mid-way leaves no unpaid extension.
 */
@Service
public class BookingExtension {

	private final BookingAccess access;

	private final BookingRecords records;

	private final SpotClaims claims;

	private final LotCatalog catalog;

	private final Pricing pricing;

	private final Payments payments;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Duration maxLength;

	BookingExtension(BookingAccess access, BookingRecords records, SpotClaims claims, LotCatalog catalog,
			Pricing pricing, Payments payments, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock, BookingsProperties properties) {
		this.access = access;
		this.records = records;
		this.claims = claims;
		this.catalog = catalog;
		this.pricing = pricing;
		this.payments = payments;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.maxLength = properties.maxLength();
	}

	/** Only the driver who booked: the extension is charged to their payment method. */
	public Extended extend(Caller caller, String bookingId, Instant newTo, String paymentMethodToken) {
		BookingAccess.requirePaymentMethod(paymentMethodToken);
		BookingRow booking = access.toChange(caller, bookingId, false);
		Instant now = clock.instant();
		if (booking.status() != BookingStatus.CONFIRMED) {
			throw notExtendable("Only a confirmed booking can be extended; this one is " + booking.status());
		}
		if (!now.isBefore(booking.window().to())) {
			throw notExtendable("This booking has ended");
		}
		if (!newTo.isAfter(booking.window().to())) {
			throw new BusinessException(UserErrorCode.INVALID_WINDOW, "newTo must be after the booking's current end",
					"input", "newTo");
		}
		TimeWindow current = booking.window();
		TimeWindow extended = new TimeWindow(current.from(), newTo);
		if (extended.length().compareTo(maxLength) > 0) {
			throw new BusinessException(UserErrorCode.INVALID_WINDOW,
					"A booking lasts at most " + maxLength.toHours() + " hours", "input", "newTo");
		}
		Money newPrice = priceOf(booking, extended);
		Money difference = new Money(Math.max(0, newPrice.amountMinor() - booking.price().amountMinor()),
				newPrice.currency());
		if (!claims.extendBooking(booking.lot(), booking.spot(), booking.id(), current, extended)) {
			throw spotTaken();
		}
		BookingRow moved = moveInDatabase(booking, extended, newPrice, difference, paymentMethodToken, now);
		if (difference.amountMinor() == 0) {
			return new Extended(moved.view(), difference);
		}
		PaymentView payment = chargeOrUndo(due(moved, booking, difference, paymentMethodToken));
		if (payment.status() == PaymentStatus.FAILED) {
			throw new BusinessException(UserErrorCode.PAYMENT_DECLINED,
					"The extension was not paid, so the booking keeps its end: " + payment.failureReason(), "input",
					"paymentMethodToken");
		}
		return new Extended(moved.view(), difference);
	}

	private BookingRow moveInDatabase(BookingRow booking, TimeWindow extended, Money newPrice, Money difference,
			String paymentMethodToken, Instant now) {
		try {
			return transaction.execute(tx -> {
				BookingRow moved = records.extend(booking.bookingId(), booking.window(), extended, newPrice, now)
					.orElseThrow(() -> notExtendable("The booking changed meanwhile; look at it again"));
				if (difference.amountMinor() > 0) {
					events.publishEvent(due(moved, booking, difference, paymentMethodToken));
				}
				return moved;
			});
		}
		catch (BusinessException | DataIntegrityViolationException ex) {
			records.byId(booking.bookingId()).ifPresent(stored -> fitClaim(stored, extended));
			if (ex instanceof DataIntegrityViolationException collision && Collisions.spotTaken(collision)) {
				throw spotTaken();
			}
			throw ex;
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void chargeDurably(ExtensionChargeDue due) {
		chargeOrUndo(due);
	}

	/**
	 * Charges by the attempt's key (a replay returns the first outcome) and undoes the extension on a decline. An
	 * extension paid for a booking cancelled meanwhile is void, and so is its charge.
	 */
	private PaymentView chargeOrUndo(ExtensionChargeDue due) {
		PaymentView payment = payments.charge(due.charge());
		if (payment.status() == PaymentStatus.FAILED) {
			transaction.executeWithoutResult(tx -> records
				.revertExtension(due.bookingId(), due.extended(), due.previous(), due.previousPrice(), clock.instant())
				.ifPresent(reverted -> fitClaim(reverted, due.extended())));
		}
		else if (payment.status() == PaymentStatus.SUCCEEDED
				&& records.byId(due.bookingId()).map(booking -> !booking.status().isLive()).orElse(true)) {
			payments.refund(due.charge().idempotencyKey() + ":void", due.charge().subject(), payment.amount());
		}
		return payment;
	}

	/**
	 * Brings the Redis claim, which covers {@code claimed}, back in line with the booking as stored: its window while
	 * it is live, none once it is not (a claim must not outlive a booking cancelled meanwhile).
	 */
	private void fitClaim(BookingRow booking, TimeWindow claimed) {
		if (booking.status().isLive()) {
			claims.extendBooking(booking.lot(), booking.spot(), booking.id(), claimed, booking.window());
		}
		else {
			claims.releaseBooking(booking.lot(), booking.spot(), booking.id());
		}
	}

	private static ExtensionChargeDue due(BookingRow moved, BookingRow before, Money difference,
			String paymentMethodToken) {
		BookingId id = moved.bookingId();
		ChargeRequest charge = new ChargeRequest("booking:" + id + ":extension:" + moved.version(),
				PaymentSubject.booking(id.value()), moved.userId(), difference, paymentMethodToken);
		return new ExtensionChargeDue(id, charge, moved.window(), before.window(), before.price());
	}

	private Money priceOf(BookingRow booking, TimeWindow window) {
		SpotSummary spot = catalog.spot(booking.spot())
			.orElseThrow(() -> notExtendable("The booked spot no longer exists"));
		return pricing.price(booking.lot(), spot.spotClass(), window)
			.orElseThrow(() -> new BusinessException(UserErrorCode.TARIFF_MISSING,
					"The lot has no tariff for " + spot.spotClass() + " spots", "input", "bookingId"));
	}

	private static BusinessException spotTaken() {
		return notExtendable("The spot is taken during the extension");
	}

	private static BusinessException notExtendable(String message) {
		return new BusinessException(UserErrorCode.BOOKING_NOT_EXTENDABLE, message, "input", "bookingId");
	}

	public record Extended(BookingView booking, Money additionalCharge) {
	}
}
