package org.openparking.api.bookings;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openparking.api.lots.SpotId;

/**
 * What the sensing module needs to reconcile bookings with what the spots' sensors see: which booking accounts for a
 * car on a spot, and the moves a sensor justifies (checked in, no-show, completed after an overstay). Every move
 * happens only from its expected status, so a rule that fires on two nodes moves a booking once.
 */
public interface BookingArrivals {

	Optional<BookingView> find(BookingId booking);

	/** The live booking (held, pending, confirmed or checked in) whose window contains {@code at}, per spot. */
	Map<SpotId, BookingView> coveringAt(Collection<SpotId> spots, Instant at);

	/**
	 * Per spot, the confirmed or checked-in booking that ended last within ({@code since}, {@code now}]: the one a car
	 * still standing there has overstayed.
	 */
	Map<SpotId, BookingView> lastEnded(Collection<SpotId> spots, Instant since, Instant now);

	/**
	 * CONFIRMED bookings of the spots that started at or before {@code startedBy} and ended, if at all, after
	 * {@code endedSince}. Ended ones are included: a booking no longer than the arrival grace ends before its grace
	 * does, and nobody arriving for it is still a no-show.
	 */
	List<BookingView> awaitingArrival(Collection<SpotId> spots, Instant startedBy, Instant endedSince);

	/** CONFIRMED → CHECKED_IN; empty when the booking is not CONFIRMED (any more). */
	Optional<BookingView> checkIn(BookingId booking);

	/**
	 * CONFIRMED → NO_SHOW; empty when the booking is not CONFIRMED (any more).
	 * @param releaseSpot free the spot's claim for the rest of the window, or keep it for a driver who may come late
	 * (kept only in Redis: a rebuild of the lot's claims drops it, since a NO_SHOW booking no longer guards the spot in
	 * PostgreSQL)
	 */
	Optional<BookingView> markNoShow(BookingId booking, boolean releaseSpot);

	/** CHECKED_IN or CONFIRMED → COMPLETED once the car has left; empty when it is in neither. */
	Optional<BookingView> complete(BookingId booking);
}
