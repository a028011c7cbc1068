package org.openparking.api.live.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.openparking.api.bookings.BookingStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** A booking causes a spot event only when it starts or stops occupying the spot. */
class SpotCauseOfBookingTest {

	@ParameterizedTest
	@CsvSource(nullValues = "none", value = { "none, PENDING_PAYMENT, BOOKED", "HELD, PENDING_PAYMENT, none",
			"PENDING_PAYMENT, CONFIRMED, none", "CONFIRMED, CHECKED_IN, CHECKED_IN", "CHECKED_IN, COMPLETED, BOOKING_RELEASED",
			"PENDING_PAYMENT, PAYMENT_FAILED, BOOKING_RELEASED", "CONFIRMED, CANCELLED, BOOKING_RELEASED",
			"CONFIRMED, NO_SHOW, BOOKING_RELEASED", "CANCELLED, CANCELLED, none" })
	void onlyOccupancyChangesMoveTheSpot(BookingStatus previous, BookingStatus status, SpotChangeCause expected) {
		assertThat(LiveRelay.spotCause(previous, status)).isEqualTo(expected);
	}
}
