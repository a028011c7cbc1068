package org.openparking.api.sensors.internal;

import java.time.Instant;

/** The source object of {@code SensorReading}: one observation the gateway handed off. */
record SensorReadingView(String deviceId, String kind, Boolean occupied, Instant observedAt, Instant receivedAt) {
}
