package org.openparking.api.bookings;

import java.util.EnumSet;
import java.util.Set;

public enum BookingStatus {
	HELD, PENDING_PAYMENT, CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, EXPIRED, PAYMENT_FAILED, NO_SHOW;

	/** Statuses that occupy the spot's window (the exclusion constraint covers exactly these). */
	public static final Set<BookingStatus> LIVE = EnumSet.of(HELD, PENDING_PAYMENT, CONFIRMED, CHECKED_IN);

	public boolean isLive() {
		return LIVE.contains(this);
	}
}
