package org.openparking.gateway.ingest;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.openparking.gateway.state.ReadingOutcome;
import org.openparking.gateway.uplink.ReadingType;

import org.springframework.stereotype.Component;

/**
 * Decides which applied readings update sensor_health. A chatty sensor would otherwise rewrite its health row with
 * every reading; instead its figures are written at most once per interval (per instance), and at once whenever the
 * reading raised an observation or is a startup. last_seen_at is therefore at most this interval old.
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
		boolean notable = !outcome.observations().isEmpty()
				|| outcome.reading().reading().type() == ReadingType.STARTUP;
		if (always || notable) {
			lastWritten.put(deviceId, outcome.reading().reading().receivedAt());
			return true;
		}
		return lastWritten.asMap().putIfAbsent(deviceId, outcome.reading().reading().receivedAt()) == null;
	}
}
