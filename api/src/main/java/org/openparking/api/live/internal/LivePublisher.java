package org.openparking.api.live.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.holds.CommercialState;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.sensing.AlertView;
import org.openparking.api.sensing.SpotObservationView;
import org.openparking.api.shared.UserId;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Writes live messages to their Redis channels; runs on a relay lane, never on the thread of the domain event. */
@Component
class LivePublisher {

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final LiveChannels channels;

	private final SpotClaims claims;

	private final Clock clock;

	LivePublisher(StringRedisTemplate redis, JsonMapper json, LiveChannels channels, SpotClaims claims, Clock clock) {
		this.redis = redis;
		this.json = json;
		this.channels = channels;
		this.claims = claims;
		this.clock = clock;
	}

	/**
	 * Reads the spot's state now rather than deriving it from the cause: a hold for a later window, or a release
	 * while a booking still occupies the spot, is then reported truthfully.
	 */
	void spotChanged(LotId lot, SpotId spot, SpotChangeCause cause, Instant occurredAt) {
		CommercialState state = claims.statesAt(lot, List.of(spot), clock.instant())
			.getOrDefault(spot, CommercialState.FREE);
		publish(channels.lot(lot), new SpotStatusEvent(lot.value(), spot.value(), state, cause, occurredAt));
	}

	void lotChanged(LotId lot, Instant occurredAt) {
		publish(channels.lot(lot), new LotMetadataChanged(lot.value(), occurredAt));
	}

	void bookingChanged(BookingEvent event) {
		publish(channels.booking(new BookingId(event.bookingId())), event);
	}

	void sessionChanged(UserId owner, SessionEvent event) {
		publish(channels.user(owner), event);
	}

	void alertChanged(AlertView alert) {
		publish(channels.alerts(new LotId(alert.lotId())), new AlertMessage(alert));
	}

	void observationChanged(SpotObservationView observation) {
		publish(channels.observations(new LotId(observation.lotId())), new ObservationMessage(observation));
	}

	private void publish(String channel, LiveMessage message) {
		redis.convertAndSend(channel, json.writeValueAsString(message));
	}
}
