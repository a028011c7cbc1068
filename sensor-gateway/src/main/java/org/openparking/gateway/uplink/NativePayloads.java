package org.openparking.gateway.uplink;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** Reads the native payload of parking/v1/sensors/{deviceId}/up (see mqtt/sensor-uplink.schema.json). */
final class NativePayloads {

	/** The largest integer a Lua number in the per-device state holds exactly. */
	static final long MAX_SEQ = (1L << 53) - 1;

	private NativePayloads() {
	}

	static Reading read(JsonNode body, String deviceId, Instant receivedAt) {
		PayloadObject root = PayloadObject.root(body);
		ReadingType type = root.type(true);
		long seq = root.integer("seq", MAX_SEQ);
		Instant sensorTime = root.timestamp("ts");
		return new Reading(deviceId, seq, sensorTime, type, root.bool("occupied", type == ReadingType.STATUS),
				root.battery(), Radio.rssi(root), Radio.snr(root), root.firmware(), receivedAt);
	}
}
