package org.openparking.api.bookings.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingPlaced;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.BookingView;
import org.openparking.api.holds.Hold;
import org.openparking.api.holds.HoldId;
import org.openparking.api.holds.Holds;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.Pricing;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;
import org.openparking.api.shared.VehiclePlate;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the driver's hold into a PENDING_PAYMENT booking and returns at once; payment and confirmation follow in
 * {@link BookingPaymentPipeline}. The Redis claim changes from hold to booking, then the booking row and its
 * BookingPlaced event are committed together; if that transaction does not commit, the claim is released.
 */
@Service
public class BookingConfirmation {

	private static final String[] HOLD_FIELD = { "input", "holdId" };

	private final Holds holds;

	private final SpotClaims claims;

	private final LotCatalog catalog;

	private final Pricing pricing;

	private final BookingRecords records;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	BookingConfirmation(Holds holds, SpotClaims claims, LotCatalog catalog, Pricing pricing, BookingRecords records,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.holds = holds;
		this.claims = claims;
		this.catalog = catalog;
		this.pricing = pricing;
		this.records = records;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	public BookingView confirm(UserId user, String holdIdText, String paymentMethodToken, String vehiclePlate) {
		HoldId holdId = parse(holdIdText);
		BookingAccess.requirePaymentMethod(paymentMethodToken);
		String plate = vehiclePlate == null ? null : VehiclePlate.parse(vehiclePlate, "input", "vehiclePlate").value();
		Optional<BookingView> confirmedBefore = bookingOf(holdId, user);
		if (confirmedBefore.isPresent()) {
			return confirmedBefore.get(); // the same hold confirmed again: still one booking
		}
		Hold hold = holds.find(holdId)
			.filter(live -> live.userId().equals(user))
			.orElseThrow(() -> new BusinessException(UserErrorCode.HOLD_NOT_FOUND,
					"No live hold of yours with this id: it expired, was released or never existed", HOLD_FIELD));
		Instant now = clock.instant();
		if (!hold.expiresAt().isAfter(now)) {
			throw expired();
		}
		SpotSummary spot = catalog.spot(hold.spotId())
			.orElseThrow(() -> new BusinessException(UserErrorCode.NOT_FOUND, "The held spot no longer exists",
					HOLD_FIELD));
		Money price = pricing.price(holdId.lotId(), spot.spotClass(), hold.window())
			.orElseThrow(() -> new BusinessException(UserErrorCode.TARIFF_MISSING,
					"The lot has no tariff for " + spot.spotClass() + " spots", HOLD_FIELD));
		try {
			return transaction.execute(tx -> place(holdId, user, paymentMethodToken, plate, price));
		}
		catch (HoldGone ex) {
			// Confirmed by a concurrent request of the same driver, or expired since we looked.
			return bookingOf(holdId, user).orElseThrow(BookingConfirmation::expired);
		}
	}

	private BookingView place(HoldId holdId, UserId user, String paymentMethodToken, String plate, Money price) {
		BookingId id = BookingId.random();
		Hold hold = claims.convertHoldToBooking(holdId, user, id.value()).orElseThrow(HoldGone::new);
		LotId lot = holdId.lotId();
		releaseUnlessCommitted(lot, hold, id);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		BookingRow booking = new BookingRow(id.value(), lot.value(), hold.spotId().value(), user, holdId.toString(),
				plate, hold.window(), BookingStatus.PENDING_PAYMENT, price, now, now, 0);
		try {
			records.insert(booking);
		}
		catch (DataIntegrityViolationException ex) {
			if (Collisions.spotTaken(ex)) {
				throw new BusinessException(UserErrorCode.SPOT_TAKEN,
						"The spot was booked or taken by a walk-in driver for part of this window", HOLD_FIELD);
			}
			if (Collisions.duplicate(ex)) {
				throw new HoldGone(); // hold_id is unique: a concurrent confirmation won
			}
			throw ex;
		}
		events.publishEvent(new BookingPlaced(id, lot, hold.spotId(), user, hold.window(), price, paymentMethodToken,
				now));
		return booking.view();
	}

	private void releaseUnlessCommitted(LotId lot, Hold hold, BookingId id) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					claims.releaseBooking(lot, hold.spotId(), id.value());
				}
			}
		});
	}

	private Optional<BookingView> bookingOf(HoldId holdId, UserId user) {
		return records.byHoldId(holdId.toString()).filter(b -> b.userId().equals(user)).map(BookingRow::view);
	}

	private static HoldId parse(String holdId) {
		try {
			return HoldId.parse(holdId);
		}
		catch (InvalidArgumentException ex) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT, ex.getMessage(), HOLD_FIELD);
		}
	}

	private static BusinessException expired() {
		return new BusinessException(UserErrorCode.HOLD_EXPIRED, "The hold expired before it could be confirmed",
				HOLD_FIELD);
	}

	/** The hold is no longer there to convert. */
	private static final class HoldGone extends RuntimeException {

		HoldGone() {
			super(null, null, false, false);
		}
	}
}
