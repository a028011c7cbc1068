package org.openparking.api.sensors.internal;

/** {@code Sensor.recentReadings(first)}: a batch key carries the argument, which a plain batch mapping cannot see. */
record ReadingsKey(String deviceId, int first) {
}
