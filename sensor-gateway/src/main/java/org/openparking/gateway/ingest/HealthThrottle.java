package org.openparking.gateway.ingest;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.openparking.gateway.handoff.ObservationKind;
import org.openparking.gateway.state.ReadingOutcome;
import org.openparking.gateway.uplink.ReadingType;

import org.springframework.stereotype.Component;

/**
 * Decides which applied readings update sensor_health. A chatty sensor would otherwise rewrite its health row with
 * every reading; instead its figures are written at most once per interval (per instance), and at once whenever the
 * reading is a health event: a startup, or an observation about the sensor itself (comms restored, low battery).
 * last_seen_at is therefore at most this interval old.
 * <p>
 * A change of occupancy is not a health event: its row in sensor_observation already records it, and on a busy spot
 * rewriting the health row with it too cost PostgreSQL 14 us of its ~110 us per reading (bin/bench-gateway
 * --through-api at 5,000 readings/s, every reading a change: 918 of 7,300 ms of statement time over 12 s).
 */
@Component
class HealthThrottle {

	private final Cache<String, Instant> lastWritten;

	private final boolean always;

	HealthThrottle(HealthProperties properties) {
		this.always = properties.writeInterval().isZero();
		this.lastWritten = Caffeine.newBuilder()
			.maximumSize(properties.devices())
			.expireAfterWrite(always ? Duration.ofSeconds(1) : properties.writeInterval())
			.build();
	}

	boolean shouldWrite(ReadingOutcome outcome) {
		String deviceId = outcome.reading().device().deviceId();
		boolean notable = outcome.reading().reading().type() == ReadingType.STARTUP
				|| outcome.observations().stream().anyMatch(observation -> observation.kind() != ObservationKind.OCCUPANCY);
		if (always || notable) {
			lastWritten.put(deviceId, outcome.reading().reading().receivedAt());
			return true;
		}
		return lastWritten.asMap().putIfAbsent(deviceId, outcome.reading().reading().receivedAt()) == null;
	}
}
