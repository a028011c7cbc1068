package org.openparking.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openparking.gateway.support.GatewayIntegrationTest;
import org.openparking.gateway.support.Sensors;
import org.openparking.gateway.support.Uplinks;
import org.openparking.gateway.uplink.RejectionReason;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@GatewayIntegrationTest
class HostilePayloadsTest {

	private static final int PAYLOADS = 1000;

	@Autowired
	Sensors sensors;

	@Test
	void garbageIsDeadLetteredAndGoodTrafficKeepsFlowing() {
		String run = "hostile" + UUID.randomUUID().toString().substring(0, 8);
		String device = sensors.register("test-model");
		Map<RejectionReason, Double> countersBefore = rejectionCounters();
		Map<RejectionReason, Integer> expected = new EnumMap<>(RejectionReason.class);
		Random random = new Random(42);

		sensors.publish(Uplinks.topic(device), Uplinks.status(1, true));
		for (int i = 0; i < PAYLOADS; i++) {
			String target = run + "-" + i;
			Hostile hostile = Hostile.values()[i % Hostile.values().length];
			expected.merge(hostile.reason, 1, Integer::sum);
			sensors.publish(hostile.topic(target), hostile.payload(target, random));
		}
		sensors.publish(Uplinks.topic(device), Uplinks.status(2, false));

		await().atMost(Duration.ofSeconds(60)).until(() -> sensors.lastSeq(device) == 2);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> sensors.deadLettersByReason("%" + run).values().stream().mapToInt(Integer::intValue).sum(),
					total -> total >= PAYLOADS);
		assertThat(sensors.deadLettersByReason("%" + run)).isEqualTo(expected.entrySet()
			.stream()
			.collect(Collectors.toMap(entry -> entry.getKey().name(), Map.Entry::getValue)));
		Map<RejectionReason, Double> countersAfter = rejectionCounters();
		expected.forEach((reason, count) -> assertThat(countersAfter.get(reason) - countersBefore.get(reason))
			.as(reason.name())
			.isEqualTo(count.doubleValue()));
	}

	private Map<RejectionReason, Double> rejectionCounters() {
		Map<RejectionReason, Double> counters = new EnumMap<>(RejectionReason.class);
		for (RejectionReason reason : RejectionReason.values()) {
			counters.put(reason, sensors.counter("gateway.readings.rejected", "reason", reason.name()));
		}
		return counters;
	}

	private enum Hostile {

		GARBAGE_BYTES(RejectionReason.MALFORMED_JSON) {
			@Override
			byte[] payload(String device, Random random) {
				byte[] garbage = new byte[1 + random.nextInt(200)];
				random.nextBytes(garbage);
				garbage[0] = (byte) 0xFF; // never valid UTF-8, so never accidentally JSON
				return garbage;
			}
		},
		ONE_MEGABYTE(RejectionReason.OVERSIZED) {
			@Override
			byte[] payload(String device, Random random) {
				byte[] body = new byte[1024 * 1024];
				Arrays.fill(body, (byte) '{');
				return body;
			}
		},
		WRONG_TYPES(RejectionReason.WRONG_TYPE) {
			@Override
			byte[] payload(String device, Random random) {
				return Uplinks.json("""
						{"type":"status","occupied":"yes","seq":"12","ts":"%s"}""".formatted(Instant.now()));
			}
		},
		NOT_AN_OBJECT(RejectionReason.WRONG_TYPE) {
			@Override
			byte[] payload(String device, Random random) {
				return Uplinks.json("[1, 2, 3]");
			}
		},
		MISSING_FIELDS(RejectionReason.MISSING_FIELD) {
			@Override
			byte[] payload(String device, Random random) {
				return Uplinks.json("{\"type\":\"status\",\"occupied\":true}");
			}
		},
		IMPOSSIBLE_VALUES(RejectionReason.INVALID_VALUE) {
			@Override
			byte[] payload(String device, Random random) {
				return Uplinks.json("""
						{"type":"status","occupied":true,"seq":-4,"ts":"%s"}""".formatted(Instant.now()));
			}
		},
		FAR_FUTURE(RejectionReason.ABSURD_TIMESTAMP) {
			@Override
			byte[] payload(String device, Random random) {
				return Uplinks.json("""
						{"type":"status","occupied":true,"seq":1,"ts":"2999-01-01T00:00:00Z"}""");
			}
		},
		NESTED_TOO_DEEP(RejectionReason.MALFORMED_JSON) {
			@Override
			byte[] payload(String device, Random random) {
				return Uplinks.json("{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}");
			}
		},
		UNKNOWN_DEVICE(RejectionReason.UNKNOWN_DEVICE) {
			@Override
			byte[] payload(String device, Random random) {
				return Uplinks.status(1, true);
			}
		},
		FOREIGN_TTS_DEVICE(RejectionReason.BAD_TOPIC) {
			@Override
			String topic(String device) {
				return Uplinks.ttsTopic(device);
			}

			@Override
			byte[] payload(String device, Random random) {
				return Uplinks.ttsUplink("someone-else", 3, true);
			}
		};

		final RejectionReason reason;

		Hostile(RejectionReason reason) {
			this.reason = reason;
		}

		String topic(String device) {
			return Uplinks.topic(device);
		}

		abstract byte[] payload(String device, Random random);
	}
}
