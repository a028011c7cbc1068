package org.openparking.api.sensors.internal;

import java.time.Instant;

/** The source object of {@code SensorHealth}; {@code comms} is {@code OK} or {@code LOST}. */
record SensorHealthView(String deviceId, Instant lastSeenAt, Double batteryVolts, Double batteryPercent,
		Boolean lowBattery, Double rssi, Double snr, String firmware, Instant lastStartupAt, String comms,
		Instant commsChangedAt) {
}
