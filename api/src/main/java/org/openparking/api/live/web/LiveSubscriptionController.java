package org.openparking.api.live.web;

import reactor.core.publisher.Flux;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.live.internal.AvailabilityEvent;
import org.openparking.api.live.internal.BookingAudience;
import org.openparking.api.live.internal.BookingEvent;
import org.openparking.api.live.internal.LiveFeeds;
import org.openparking.api.live.internal.SessionEvent;
import org.openparking.api.live.internal.SpotStatusEvent;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.security.Caller;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Every subscription needs an authenticated caller: a live feed holds server resources for as long as it runs. */
@Controller
class LiveSubscriptionController {

	private final LiveFeeds feeds;

	private final LotCatalog catalog;

	private final BookingAudience bookingAudience;

	LiveSubscriptionController(LiveFeeds feeds, LotCatalog catalog, BookingAudience bookingAudience) {
		this.feeds = feeds;
		this.catalog = catalog;
		this.bookingAudience = bookingAudience;
	}

	@SubscriptionMapping
	@PreAuthorize("isAuthenticated()")
	Flux<SpotStatusEvent> spotStatusChanged(@Argument String lotId) {
		return feeds.spotStatus(existingLot(lotId));
	}

	@SubscriptionMapping
	@PreAuthorize("isAuthenticated()")
	Flux<AvailabilityEvent> availabilityChanged(@Argument String lotId) {
		return feeds.availability(existingLot(lotId));
	}

	@SubscriptionMapping
	@PreAuthorize("isAuthenticated()")
	Flux<BookingEvent> bookingUpdated(@Argument String bookingId) {
		BookingId booking = BookingId.parse(bookingId);
		bookingAudience.requireMayFollow(Caller.current(), booking);
		return feeds.booking(booking);
	}

	@SubscriptionMapping
	@PreAuthorize("isAuthenticated()")
	Flux<SessionEvent> sessionUpdated() {
		return feeds.sessionsOf(Caller.current().id());
	}

	private LotId existingLot(String lotId) {
		LotId lot = LotId.parse(lotId);
		if (catalog.lot(lot).isEmpty()) {
			throw new InvalidArgumentException("No lot " + lotId);
		}
		return lot;
	}
}
