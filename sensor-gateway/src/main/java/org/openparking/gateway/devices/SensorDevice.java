package org.openparking.gateway.devices;

import java.util.UUID;

/** A registered sensor and the spot it watches. */
public record SensorDevice(String deviceId, UUID lotId, UUID spotId, String model) {
}
