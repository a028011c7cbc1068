package org.openparking.simulator.io;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openparking.simulator.plan.SimEvent.Malformed.Garbage;

import tools.jackson.databind.json.JsonMapper;

/** Native uplink bodies (schema/src/main/resources/mqtt/sensor-uplink.schema.json) and ones the gateway must reject. */
public final class Uplinks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Uplinks() {
	}

	/** {@code occupied} null leaves the field out (heartbeat, startup). */
	public static byte[] reading(String type, Boolean occupied, long seq, Instant ts, double battery, int rssi) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		if (occupied != null) {
			body.put("occupied", occupied);
		}
		body.put("seq", seq);
		body.put("ts", ts.toString());
		body.put("battery", battery);
		body.put("rssi", rssi);
		body.put("snr", 7.5);
		body.put("firmware", "sim-1.0");
		return JSON.writeValueAsBytes(body);
	}

	public static byte[] malformed(Garbage garbage, long seq, Instant now) {
		return switch (garbage) {
			case NOT_JSON -> "\u0000\u00ff{occupied: yes".getBytes(StandardCharsets.ISO_8859_1);
			case WRONG_TYPE -> ("{\"type\":\"status\",\"occupied\":\"maybe\",\"seq\":\"x" + seq + "\",\"ts\":\"" + now
					+ "\"}").getBytes(StandardCharsets.UTF_8);
			case MISSING_FIELD -> ("{\"type\":\"status\",\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8);
			case ABSURD_TIMESTAMP -> reading("status", true, seq, Instant.parse("1999-01-01T00:00:00Z"), 3.6, -80);
			case OVERSIZED -> {
				byte[] body = new byte[8 * 1024];
				Arrays.fill(body, (byte) 'x');
				yield body;
			}
		};
	}
}
