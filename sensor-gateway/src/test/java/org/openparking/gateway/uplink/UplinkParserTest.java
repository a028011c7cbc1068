package org.openparking.gateway.uplink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class UplinkParserTest {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private static final String TOPIC = "parking/v1/sensors/p-17/up";

	private final UplinkProperties properties = new UplinkProperties("parking/v1/sensors/+/up", "v3/+/devices/+/up",
			DataSize.ofKilobytes(4), Duration.ofMinutes(2), Duration.ofDays(7), DataSize.ofBytes(256));

	private final UplinkParser parser = new UplinkParser(new UplinkTopics(properties), properties);

	@Test
	void readsANativeReading() {
		ParsedUplink parsed = parse(TOPIC, """
				{"type":"status","occupied":true,"seq":42,"ts":"2026-03-01T12:59:58.123456+01:00",
				 "battery":3.61,"rssi":-70.5,"snr":8,"firmware":"1.2.3","extra":{"ignored":[1,2]}}""");

		assertThat(parsed).isEqualTo(new Reading("p-17", 42, Instant.parse("2026-03-01T11:59:58.123Z"),
				ReadingType.STATUS, true, new Battery(3.61, Battery.Unit.VOLTS), -70.5, 8.0, "1.2.3", NOW));
	}

	@Test
	void readsATheThingsStackUplink() {
		ParsedUplink parsed = parse("v3/app@tenant/devices/p-17/up", """
				{"end_device_ids":{"device_id":"p-17"},"received_at":"2026-03-01T11:59:59Z",
				 "uplink_message":{"decoded_payload":{"occupied":false,"battery":55},
				   "rx_metadata":[{"rssi":-110,"snr":-7},{"rssi":-90},{"snr":3}]}}""");

		// No f_cnt: TTS leaves out zero values. No type: occupancy present, so a status.
		assertThat(parsed).isEqualTo(new Reading("p-17", 0, Instant.parse("2026-03-01T11:59:59Z"),
				ReadingType.STATUS, false, new Battery(55, Battery.Unit.PERCENT), -90.0, null, null, NOW));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			MALFORMED_JSON   | {"type":"status",
			MALFORMED_JSON   | {"type":"status"} trailing
			MALFORMED_JSON   | ''
			WRONG_TYPE       | "just a string"
			WRONG_TYPE       | {"type":"status","occupied":1,"seq":1,"ts":"2026-03-01T12:00:00Z"}
			WRONG_TYPE       | {"type":"status","occupied":true,"seq":1.5,"ts":"2026-03-01T12:00:00Z"}
			WRONG_TYPE       | {"type":"heartbeat","seq":1,"ts":1772366400000}
			WRONG_TYPE       | {"type":"heartbeat","seq":1,"ts":"2026-03-01T12:00:00Z","battery":"full"}
			MISSING_FIELD    | {"type":"status","seq":1,"ts":"2026-03-01T12:00:00Z"}
			MISSING_FIELD    | {"type":"status","occupied":null,"seq":1,"ts":"2026-03-01T12:00:00Z"}
			MISSING_FIELD    | {"occupied":true,"seq":1,"ts":"2026-03-01T12:00:00Z"}
			INVALID_VALUE    | {"type":"parked","seq":1,"ts":"2026-03-01T12:00:00Z"}
			INVALID_VALUE    | {"type":"heartbeat","seq":-1,"ts":"2026-03-01T12:00:00Z"}
			INVALID_VALUE    | {"type":"heartbeat","seq":9007199254740992,"ts":"2026-03-01T12:00:00Z"}
			INVALID_VALUE    | {"type":"heartbeat","seq":1,"ts":"yesterday"}
			INVALID_VALUE    | {"type":"heartbeat","seq":1,"ts":"2026-03-01T12:00:00"}
			INVALID_VALUE    | {"type":"heartbeat","seq":1,"ts":"2026-03-01T12:00:00Z","battery":3,"battery_unit":"mV"}
			INVALID_VALUE    | {"type":"heartbeat","seq":1,"ts":"2026-03-01T12:00:00Z","battery":42,"battery_unit":"V"}
			INVALID_VALUE    | {"type":"heartbeat","seq":1,"ts":"2026-03-01T12:00:00Z","rssi":-999}
			INVALID_VALUE    | {"type":"heartbeat","seq":1,"ts":"2026-03-01T12:00:00Z","firmware":"1.0\\n"}
			ABSURD_TIMESTAMP | {"type":"heartbeat","seq":1,"ts":"2026-03-01T12:02:01Z"}
			ABSURD_TIMESTAMP | {"type":"heartbeat","seq":1,"ts":"2026-02-22T11:59:59Z"}
			ABSURD_TIMESTAMP | {"type":"heartbeat","seq":1,"ts":"+999999999-12-31T23:59:59Z"}
			""")
	void rejectsWithTheReason(RejectionReason reason, String body) {
		Rejection rejection = (Rejection) parse(TOPIC, body);

		assertThat(rejection.reason()).as(rejection.detail()).isEqualTo(reason);
		assertThat(rejection.deviceId()).isEqualTo("p-17");
	}

	@Test
	void rejectsOversizedBodiesUnread() {
		byte[] excerpt = new byte[parser.bytesWorthKeeping(1_000_000)];

		Rejection rejection = (Rejection) parser.parse(TOPIC, excerpt, 1_000_000, NOW);

		assertThat(excerpt).hasSize(256);
		assertThat(rejection.reason()).isEqualTo(RejectionReason.OVERSIZED);
	}

	@Test
	void rejectsBadTopics() {
		for (String topic : List.of("parking/v1/sensors/bad{id}/up", "parking/v1/sensors//up", "elsewhere/p-17/up",
				"parking/v1/sensors/" + "x".repeat(65) + "/up")) {
			assertThat(((Rejection) parse(topic, "{}")).reason()).as(topic).isEqualTo(RejectionReason.BAD_TOPIC);
		}
		Rejection foreign = (Rejection) parse("v3/app@tenant/devices/p-17/up", """
				{"end_device_ids":{"device_id":"p-18"},"received_at":"2026-03-01T11:59:59Z",
				 "uplink_message":{"decoded_payload":{"occupied":false}}}""");
		assertThat(foreign.reason()).isEqualTo(RejectionReason.BAD_TOPIC);
	}

	@Test
	void neverThrowsOnGarbage() {
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 5_000; i++) {
			byte[] garbage = new byte[random.nextInt(300)];
			random.nextBytes(garbage);
			if (i % 3 == 0) {
				// mostly-JSON garbage reaches deeper into the parser
				byte[] json = "{\"type\":\"status\",\"seq\":1,\"ts\":\"2026-03-01T12:00:00Z\",\"occupied\":"
					.getBytes(StandardCharsets.UTF_8);
				garbage = Arrays.copyOf(json, json.length + garbage.length);
			}
			assertThat(parser.parse(TOPIC, garbage, garbage.length, NOW)).isInstanceOf(Rejection.class);
		}
	}

	private ParsedUplink parse(String topic, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return parser.parse(topic, bytes, bytes.length, NOW);
	}
}
