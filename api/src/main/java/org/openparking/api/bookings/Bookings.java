package org.openparking.api.bookings;

import java.util.Optional;

import org.openparking.api.security.Caller;

/** Read access to bookings for other modules (the live module's {@code bookingUpdated}, for instance). */
public interface Bookings {

	/**
	 * The booking if the caller may see it: the driver who booked it, the operator of its lot, or an administrator.
	 * Empty both when it does not exist and when the caller may not see it, so ids of others' bookings reveal nothing.
	 */
	Optional<BookingView> visibleTo(BookingId id, Caller caller);

	/** The booking whoever may see it: for modules that check access themselves (an operator's refund). */
	Optional<BookingView> find(BookingId id);
}
