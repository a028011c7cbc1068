package org.openparking.api.bookings.internal;

import java.time.Clock;
import java.util.Optional;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.BookingStatusChanged;
import org.openparking.api.holds.SpotClaims;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a booking from the status it is expected to have to the next, and announces it. The guard makes a
 * redelivered event a no-op. A booking that stops occupying its spot frees the Redis claim before the commit, so
 * nobody sees it cancelled or failed while the spot still looks taken; if the commit fails, PostgreSQL still guards
 * the spot and the caller retries.
 */
@Component
class BookingTransitions {

	private final BookingRecords records;

	private final SpotClaims claims;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	BookingTransitions(BookingRecords records, SpotClaims claims, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.records = records;
		this.claims = claims;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Empty when the booking is not in {@code from} (any more). Joins the caller's transaction if there is one. */
	Optional<BookingRow> change(BookingId id, BookingStatus from, BookingStatus to) {
		return change(id, from, to, true);
	}

	/** @param releaseClaim whether a booking that stops being live frees its Redis claim (a kept no-show does not) */
	Optional<BookingRow> change(BookingId id, BookingStatus from, BookingStatus to, boolean releaseClaim) {
		return transaction.execute(tx -> records.changeStatus(id, from, to, clock.instant()).map(booking -> {
			if (!to.isLive() && releaseClaim) {
				claims.releaseBooking(booking.lot(), booking.spot(), booking.id());
			}
			events.publishEvent(new BookingStatusChanged(id, booking.lot(), booking.spot(), booking.userId(),
					booking.window(), from, to, booking.updatedAt()));
			return booking;
		}));
	}
}
