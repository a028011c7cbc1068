package org.openparking.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Payloads as sensors send them (see mqtt/sensor-uplink.schema.json). */
public final class Uplinks {

	private Uplinks() {
	}

	public static String topic(String deviceId) {
		return "parking/v1/sensors/" + deviceId + "/up";
	}

	public static String ttsTopic(String deviceId) {
		return "v3/parking-app@ttn/devices/" + deviceId + "/up";
	}

	/** A reading taken now (real time: the sensor's clock, not the gateway's). */
	public static byte[] status(long seq, boolean occupied) {
		return status(seq, occupied, now());
	}

	public static byte[] status(long seq, boolean occupied, Instant ts) {
		return json("""
				{"type":"status","occupied":%s,"seq":%d,"ts":"%s","battery":3.6,"rssi":-71,"snr":9.5,"firmware":"1.4.2"}"""
			.formatted(occupied, seq, ts));
	}

	public static byte[] heartbeat(long seq) {
		return json("""
				{"type":"heartbeat","seq":%d,"ts":"%s","battery":3.6}""".formatted(seq, now()));
	}

	public static byte[] startup(long seq, double batteryVolts) {
		return json("""
				{"type":"startup","seq":%d,"ts":"%s","battery":%s,"battery_unit":"V","firmware":"2.0.0"}"""
			.formatted(seq, now(), batteryVolts));
	}

	public static byte[] ttsUplink(String deviceId, long frameCounter, boolean occupied) {
		return json("""
				{"end_device_ids":{"device_id":"%s","application_ids":{"application_id":"parking-app"},
				  "dev_eui":"70B3D57ED005A1B2"},
				 "received_at":"%s",
				 "uplink_message":{"f_port":1,"f_cnt":%d,"frm_payload":"AQ==",
				   "decoded_payload":{"occupied":%s,"battery":87,"battery_unit":"%%"},
				   "rx_metadata":[{"gateway_ids":{"gateway_id":"gw-a"},"rssi":-101,"snr":-3.5},
				                  {"gateway_ids":{"gateway_id":"gw-b"},"rssi":-88,"snr":4.25}]}}"""
			.formatted(deviceId, now(), frameCounter, occupied));
	}

	public static byte[] json(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}
}
