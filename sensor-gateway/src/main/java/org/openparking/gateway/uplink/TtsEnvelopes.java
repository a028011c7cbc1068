package org.openparking.gateway.uplink;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a The Things Stack v3 uplink message. The sequence number is the frame counter and the time is when the
 * network received the uplink; the sensor's own fields come from the payload formatter's decoded_payload.
 */
final class TtsEnvelopes {

	private static final long MAX_FRAME_COUNTER = 0xFFFF_FFFFL;

	private TtsEnvelopes() {
	}

	static Reading read(JsonNode body, String topicDeviceId, Instant receivedAt) {
		PayloadObject root = PayloadObject.root(body);
		String deviceId = root.object("end_device_ids").text("device_id");
		if (!deviceId.equals(topicDeviceId)) {
			throw new InvalidUplink(RejectionReason.BAD_TOPIC,
					"end_device_ids.device_id does not match the device of the topic");
		}
		Instant networkTime = root.timestamp("received_at");
		PayloadObject uplink = root.object("uplink_message");
		// TTS leaves zero values out of its JSON, so a missing counter is the first frame.
		long frameCounter = uplink.integerOr("f_cnt", MAX_FRAME_COUNTER, 0);
		PayloadObject decoded = uplink.object("decoded_payload");
		ReadingType type = decoded.type(false);
		if (type == null) {
			type = decoded.has("occupied") ? ReadingType.STATUS : ReadingType.HEARTBEAT;
		}
		PayloadObject strongest = strongestGateway(uplink);
		return new Reading(deviceId, frameCounter, networkTime, type,
				decoded.bool("occupied", type == ReadingType.STATUS), decoded.battery(),
				strongest == null ? null : Radio.rssi(strongest), strongest == null ? null : Radio.snr(strongest),
				decoded.firmware(), receivedAt);
	}

	/** The gateway that heard the device best speaks for its radio link. */
	@Nullable
	private static PayloadObject strongestGateway(PayloadObject uplink) {
		PayloadObject best = null;
		double bestRssi = Double.NEGATIVE_INFINITY;
		int index = 0;
		for (JsonNode element : uplink.arrayOrEmpty("rx_metadata")) {
			PayloadObject gateway = uplink.element(element, "rx_metadata", index++);
			Double rssi = Radio.rssi(gateway);
			Radio.snr(gateway);
			if (best == null || (rssi != null && rssi > bestRssi)) {
				best = gateway;
				bestRssi = rssi == null ? Double.NEGATIVE_INFINITY : rssi;
			}
		}
		return best;
	}
}
