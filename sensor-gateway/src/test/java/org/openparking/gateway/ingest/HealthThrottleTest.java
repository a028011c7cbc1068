package org.openparking.gateway.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openparking.gateway.devices.SensorDevice;
import org.openparking.gateway.handoff.Observation;
import org.openparking.gateway.handoff.ObservationKind;
import org.openparking.gateway.state.KnownReading;
import org.openparking.gateway.state.ReadingOutcome;
import org.openparking.gateway.state.Verdict;
import org.openparking.gateway.uplink.Reading;
import org.openparking.gateway.uplink.ReadingType;

import static org.assertj.core.api.Assertions.assertThat;

class HealthThrottleTest {

	private static final SensorDevice DEVICE = new SensorDevice("dev-1", UUID.randomUUID(), UUID.randomUUID(), "m");

	private final HealthThrottle throttle = new HealthThrottle(new HealthProperties(Duration.ofMinutes(1), 100));

	private long seq;

	@Test
	void occupancyChangesWithinTheIntervalDoNotRewriteTheHealthRow() {
		assertThat(throttle.shouldWrite(outcome(ReadingType.STATUS, ObservationKind.OCCUPANCY))).isTrue();
		assertThat(throttle.shouldWrite(outcome(ReadingType.STATUS, ObservationKind.OCCUPANCY))).isFalse();
		assertThat(throttle.shouldWrite(outcome(ReadingType.HEARTBEAT))).isFalse();
	}

	@Test
	void healthEventsAreWrittenAtOnce() {
		assertThat(throttle.shouldWrite(outcome(ReadingType.HEARTBEAT))).isTrue();
		assertThat(throttle.shouldWrite(outcome(ReadingType.HEARTBEAT, ObservationKind.COMMS_RESTORED))).isTrue();
		assertThat(throttle.shouldWrite(outcome(ReadingType.STATUS, ObservationKind.OCCUPANCY,
				ObservationKind.LOW_BATTERY))).isTrue();
		assertThat(throttle.shouldWrite(outcome(ReadingType.STARTUP))).isTrue();
	}

	@Test
	void aZeroIntervalWritesEveryReading() {
		HealthThrottle always = new HealthThrottle(new HealthProperties(Duration.ZERO, 100));

		assertThat(always.shouldWrite(outcome(ReadingType.HEARTBEAT))).isTrue();
		assertThat(always.shouldWrite(outcome(ReadingType.HEARTBEAT))).isTrue();
	}

	private ReadingOutcome outcome(ReadingType type, ObservationKind... kinds) {
		Instant now = Instant.parse("2026-12-07T12:00:00Z").plusSeconds(++seq);
		Reading reading = new Reading(DEVICE.deviceId(), seq, now, type,
				type == ReadingType.STATUS ? Boolean.TRUE : null, null, null, null, null, now);
		List<Observation> observations = List.of(kinds)
			.stream()
			.map(kind -> new Observation(DEVICE.deviceId(), DEVICE.lotId(), DEVICE.spotId(), kind,
					kind == ObservationKind.OCCUPANCY ? Boolean.TRUE : null, now, now, seq))
			.toList();
		return new ReadingOutcome(new KnownReading(reading, DEVICE), Verdict.APPLIED, observations, false, null);
	}
}
