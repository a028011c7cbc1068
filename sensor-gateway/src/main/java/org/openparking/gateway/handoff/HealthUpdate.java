package org.openparking.gateway.handoff;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What one applied reading says about its sensor's health (table sensor_health). Absent figures keep the stored ones.
 *
 * @param seenAt gateway clock
 * @param readingAt sensor clock; an update older than the stored one is ignored
 * @param startupAt set when the reading is a startup
 */
public record HealthUpdate(String deviceId, Instant seenAt, Instant readingAt, long seq,
		@Nullable Double batteryVolts, @Nullable Double batteryPercent, @Nullable Boolean lowBattery,
		@Nullable Double rssi, @Nullable Double snr, @Nullable String firmware, @Nullable Instant startupAt) {
}
