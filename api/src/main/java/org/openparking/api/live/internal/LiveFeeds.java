package org.openparking.api.live.internal;

import reactor.core.publisher.Flux;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.lots.LotId;
import org.openparking.api.sensing.AlertView;
import org.openparking.api.sensing.SpotObservationView;
import org.openparking.api.shared.UserId;
import org.springframework.stereotype.Component;

/** The live streams the subscriptions serve; authorisation is the caller's job. */
@Component
public class LiveFeeds {

	private final LiveTopics topics;

	private final LiveChannels channels;

	private final SubscriberBuffers buffers;

	private final AvailabilityFeed availability;

	LiveFeeds(LiveTopics topics, LiveChannels channels, SubscriberBuffers buffers, AvailabilityFeed availability) {
		this.topics = topics;
		this.channels = channels;
		this.buffers = buffers;
		this.availability = availability;
	}

	public Flux<SpotStatusEvent> spotStatus(LotId lot) {
		return buffers.everyEventOrFail(topics.listen(channels.lot(lot)).ofType(SpotStatusEvent.class));
	}

	public Flux<AvailabilityEvent> availability(LotId lot) {
		return availability.availability(lot);
	}

	public Flux<AlertView> alerts(LotId lot) {
		return buffers.everyEventOrFail(
				topics.listen(channels.alerts(lot)).ofType(AlertMessage.class).map(AlertMessage::alert));
	}

	public Flux<SpotObservationView> observations(LotId lot) {
		return buffers.everyEventOrFail(topics.listen(channels.observations(lot))
			.ofType(ObservationMessage.class)
			.map(ObservationMessage::observation));
	}

	public Flux<BookingEvent> booking(BookingId booking) {
		return buffers.everyEventOrFail(topics.listen(channels.booking(booking)).ofType(BookingEvent.class));
	}

	public Flux<SessionEvent> sessionsOf(UserId user) {
		return buffers.everyEventOrFail(topics.listen(channels.user(user)).ofType(SessionEvent.class));
	}
}
