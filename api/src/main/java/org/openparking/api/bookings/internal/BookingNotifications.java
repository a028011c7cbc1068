package org.openparking.api.bookings.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.bookings.BookingStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The last step of the pipeline: tells the driver. For now a log line; the live module turns the same event into
 * subscription events, and a mail or push sender would listen here.
 */
@Component
class BookingNotifications {

	private static final Logger log = LoggerFactory.getLogger(BookingNotifications.class);

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void notifyDriver(BookingStatusChanged changed) {
		log.info("Booking {} of {} is now {} (was {})", changed.bookingId(), changed.userId(), changed.status(),
				changed.previous());
	}
}
