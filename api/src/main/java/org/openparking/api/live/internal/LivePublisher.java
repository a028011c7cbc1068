package org.openparking.api.live.internal;

import java.time.Clock;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.holds.CommercialState;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.sensing.AlertView;
import org.openparking.api.sensing.SpotObservationView;
import org.openparking.api.shared.UserId;
import org.springframework.data.redis.core.RedisCallback;
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

	/** Writes the type of each element, as a single message has it. */
	private final ObjectWriter arrays;

	LivePublisher(StringRedisTemplate redis, JsonMapper json, LiveChannels channels, SpotClaims claims, Clock clock) {
		this.redis = redis;
		this.json = json;
		this.channels = channels;
		this.claims = claims;
		this.clock = clock;
		this.arrays = json.writerFor(LiveMessage[].class);
	}

	/**
	 * Reads the spot's state now rather than deriving it from the cause: a hold for a later window, or a release
	 * while a booking still occupies the spot, is then reported truthfully.
	 */
	void spotChanged(LotId lot, SpotId spot, SpotChangeCause cause, Instant occurredAt) {
		spotsChanged(List.of(new SpotChange(lot, spot, cause, occurredAt)));
	}

	/** One state read per lot and one pipelined round trip for all the messages, in the given order. */
	void spotsChanged(List<SpotChange> changes) {
		Instant now = clock.instant();
		Map<LotId, Set<SpotId>> spotsByLot = new LinkedHashMap<>();
		changes.forEach(change -> spotsByLot.computeIfAbsent(change.lot(), lot -> new LinkedHashSet<>())
			.add(change.spot()));
		Map<SpotId, CommercialState> states = new HashMap<>();
		spotsByLot.forEach((lot, spots) -> states.putAll(claims.statesAt(lot, spots, now)));
		List<Publication> messages = new ArrayList<>(changes.size());
		for (SpotChange change : changes) {
			messages.add(new Publication(channels.lot(change.lot()),
					new SpotStatusEvent(change.lot().value(), change.spot().value(),
							states.getOrDefault(change.spot(), CommercialState.FREE), change.cause(),
							change.occurredAt())));
		}
		publishEach(messages);
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

	/** The message of an alert change, for {@link #publishAll} (it needs nothing read first). */
	Publication alertChanged(AlertView alert) {
		return new Publication(channels.alerts(new LotId(alert.lotId())), new AlertMessage(alert));
	}

	/** The message of an observed state change, for {@link #publishAll} (it needs nothing read first). */
	Publication observationChanged(SpotObservationView observation) {
		return new Publication(channels.observations(new LotId(observation.lotId())),
				new ObservationMessage(observation));
	}

	private void publish(String channel, LiveMessage message) {
		publishEach(List.of(new Publication(channel, message)));
	}

	/**
	 * Messages that need nothing read first (alerts, observed states: what the sensing consumer's passes produce, a
	 * pass's worth at a time), in one pipelined round trip, one Redis message per channel: the messages of a channel
	 * go together as one JSON array, in the given order, read back one by one ({@link LiveTopics}). A thousand sensor
	 * readings a second on a lot are then a few dozen Redis messages, not a thousand, for Redis, for this node's I/O
	 * thread and for every subscribing node.
	 */
	void publishAll(List<Publication> messages) {
		Map<String, List<LiveMessage>> byChannel = new LinkedHashMap<>();
		messages.forEach(message -> byChannel.computeIfAbsent(message.channel(), channel -> new ArrayList<>())
			.add(message.message()));
		List<byte[][]> encoded = new ArrayList<>(byChannel.size());
		byChannel.forEach((channel, together) -> encoded.add(message(channel,
				together.size() == 1 ? json.writeValueAsBytes(together.getFirst())
						: arrays.writeValueAsBytes(together.toArray(LiveMessage[]::new)))));
		send(encoded);
	}

	/**
	 * Spot changes one Redis message each (in one pipelined round trip): drivers' apps follow them, and a burst of a
	 * lot's holds then reaches a node's subscribers at the pace Redis delivers it, which a reading client keeps up
	 * with. As arrays, 6,144 hold changes at once reached a reading WebSocket client's buffer faster than it took them,
	 * and it was cut off as too slow ({@code LiveFanOutTest}).
	 */
	private void publishEach(List<Publication> messages) {
		send(messages.stream()
			.map(message -> message(message.channel(), json.writeValueAsBytes(message.message())))
			.toList());
	}

	/** A Redis message as {@link #send} takes it: channel and body. */
	private static byte[][] message(String channel, byte[] body) {
		return new byte[][] { channel.getBytes(StandardCharsets.UTF_8), body };
	}

	/** Pipelined when there are several: a single message needs no pipeline's bookkeeping. */
	private void send(List<byte[][]> encoded) {
		if (encoded.size() == 1) {
			byte[][] message = encoded.getFirst();
			redis.execute((RedisCallback<Long>) connection -> connection.publish(message[0], message[1]));
			return;
		}
		redis.executePipelined((RedisCallback<Object>) connection -> {
			encoded.forEach(message -> connection.publish(message[0], message[1]));
			return null;
		});
	}
}
