package org.openparking.adminui.parking;

import java.time.Instant;
import java.util.List;

/** A registered sensor and its health; {@code lastSeenAt} is null until it sent something. */
public record SensorInfo(String deviceId, String model, String spotId, String spotCode, Instant registeredAt,
		Instant lastSeenAt, Double batteryPercent, Boolean lowBattery, Double rssi, String comms,
		List<Reading> recentReadings) {

	public record Reading(String kind, Boolean occupied, Instant observedAt) {
	}
}
