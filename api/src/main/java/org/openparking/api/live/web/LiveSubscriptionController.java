package org.openparking.api.live.web;

import reactor.core.publisher.Flux;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingView;
import org.openparking.api.bookings.Bookings;
import org.openparking.api.live.internal.AvailabilityEvent;
import org.openparking.api.live.internal.BookingEvent;
import org.openparking.api.live.internal.LiveFeeds;
import org.openparking.api.live.internal.SessionEvent;
import org.openparking.api.live.internal.SpotStatusEvent;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotSummary;
import org.openparking.api.sensing.AlertView;
import org.openparking.api.sensing.SpotObservationView;
import org.openparking.api.security.Caller;
import org.openparking.api.sessions.SessionId;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.sessions.Sessions;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Every subscription needs an authenticated caller: a live feed holds server resources for as long as it runs. */
@Controller
class LiveSubscriptionController {

	private final LiveFeeds feeds;

	private final LotCatalog catalog;

	private final Bookings bookings;

	private final Sessions sessions;

	LiveSubscriptionController(LiveFeeds feeds, LotCatalog catalog, Bookings bookings, Sessions sessions) {
		this.feeds = feeds;
		this.catalog = catalog;
		this.bookings = bookings;
		this.sessions = sessions;
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

	/** Operator of the lot or ADMIN, checked once when the subscription starts. */
	@SubscriptionMapping
	@PreAuthorize("hasAnyRole('OPERATOR','ADMIN')")
	Flux<AlertView> alertRaised(@Argument String lotId) {
		LotId lot = existingLot(lotId);
		Caller.current().requireOperatorOf(catalog.lot(lot).map(LotSummary::operatorId).orElse(null));
		return feeds.alerts(lot);
	}

	@SubscriptionMapping
	@PreAuthorize("isAuthenticated()")
	Flux<SpotObservationView> spotObservationChanged(@Argument String lotId) {
		return feeds.observations(existingLot(lotId));
	}

	/** Checked once, when the subscription starts; an unknown booking is refused like another user's. */
	@SubscriptionMapping
	@PreAuthorize("isAuthenticated()")
	Flux<BookingEvent> bookingUpdated(@Argument String bookingId) {
		BookingId booking = BookingId.parse(bookingId);
		if (bookings.visibleTo(booking, Caller.current()).isEmpty()) {
			throw new AccessDeniedException(
					"Only the booking's owner, an operator of its lot or an administrator may follow it");
		}
		return feeds.booking(booking);
	}

	@SubscriptionMapping
	@PreAuthorize("isAuthenticated()")
	Flux<SessionEvent> sessionUpdated() {
		return feeds.sessionsOf(Caller.current().id());
	}

	/** Read only when the client selects it, and as the subscriber may see it now. */
	@SchemaMapping(typeName = "BookingEvent")
	BookingView booking(BookingEvent event) {
		return bookings.visibleTo(new BookingId(event.bookingId()), Caller.current()).orElse(null);
	}

	/** Read only when the client selects it; the event came on the caller's own channel, so it is theirs. */
	@SchemaMapping(typeName = "SessionEvent")
	SessionView session(SessionEvent event) {
		return sessions.find(new SessionId(event.sessionId())).orElse(null);
	}

	private LotId existingLot(String lotId) {
		LotId lot = LotId.parse(lotId);
		if (catalog.lot(lot).isEmpty()) {
			throw new InvalidArgumentException("No lot " + lotId);
		}
		return lot;
	}
}
