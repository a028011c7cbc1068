package org.openparking.gateway.uplink;

import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns a raw uplink into a {@link Reading} or a {@link Rejection}; never throws. Cheap checks run first (topic,
 * size), so oversized garbage is rejected without being parsed.
 */
@Component
public final class UplinkParser {

	private final UplinkTopics topics;

	private final UplinkProperties properties;

	private final JsonMapper json;

	UplinkParser(UplinkTopics topics, UplinkProperties properties) {
		this.topics = topics;
		this.properties = properties;
		// A private mapper: strict about trailing data and shallow, whatever the application's mapper allows.
		this.json = JsonMapper.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
			.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
			.build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
	}

	/** The most bytes of a body worth keeping: a whole acceptable body, or the dead-letter excerpt of a larger one. */
	public int bytesWorthKeeping(int size) {
		return size > maxPayload() ? excerpt() : size;
	}

	/** How much of a rejected body its dead letter keeps. */
	public int excerpt() {
		return (int) properties.deadLetterExcerpt().toBytes();
	}

	/**
	 * @param payload the body, or only its first bytes when it is larger than the limit
	 * @param size the size of the whole body
	 */
	public ParsedUplink parse(String topic, byte[] payload, int size, Instant receivedAt) {
		UplinkTopics.Match match = topics.match(topic);
		if (match == null) {
			return new Rejection(RejectionReason.BAD_TOPIC, "the topic matches no uplink topic", null);
		}
		if (!DeviceIds.isValid(match.deviceId())) {
			return new Rejection(RejectionReason.BAD_TOPIC, "the topic's device id is not valid", null);
		}
		if (size > maxPayload()) {
			return new Rejection(RejectionReason.OVERSIZED,
					size + " bytes is over the limit of " + maxPayload() + " bytes", match.deviceId());
		}
		try {
			Reading reading = read(match, payload, receivedAt);
			checkPlausible(reading.sensorTime(), receivedAt);
			return reading;
		}
		catch (InvalidUplink ex) {
			return new Rejection(ex.reason(), ex.getMessage(), match.deviceId());
		}
	}

	private Reading read(UplinkTopics.Match match, byte[] payload, Instant receivedAt) {
		JsonNode body;
		try {
			body = json.readTree(payload);
		}
		catch (JacksonException ex) {
			throw new InvalidUplink(RejectionReason.MALFORMED_JSON, "not JSON: " + ex.getOriginalMessage());
		}
		if (body == null || body.isMissingNode()) {
			throw new InvalidUplink(RejectionReason.MALFORMED_JSON, "the body is empty");
		}
		return switch (match.format()) {
			case NATIVE -> NativePayloads.read(body, match.deviceId(), receivedAt);
			case TTS -> TtsEnvelopes.read(body, match.deviceId(), receivedAt);
		};
	}

	private void checkPlausible(Instant sensorTime, Instant receivedAt) {
		if (sensorTime.isAfter(receivedAt.plus(properties.maxClockAhead()))) {
			throw new InvalidUplink(RejectionReason.ABSURD_TIMESTAMP, "the sensor time " + sensorTime
					+ " is more than " + properties.maxClockAhead() + " ahead of the gateway clock");
		}
		if (sensorTime.isBefore(receivedAt.minus(properties.maxAge()))) {
			throw new InvalidUplink(RejectionReason.ABSURD_TIMESTAMP,
					"the sensor time " + sensorTime + " is older than " + properties.maxAge());
		}
	}

	private int maxPayload() {
		return (int) properties.maxPayload().toBytes();
	}
}
