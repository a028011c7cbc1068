package org.openparking.api.sensors;

import java.time.Instant;
import java.util.UUID;

/** The source object of the GraphQL {@code Sensor} type: a registered device and the spot it watches. */
public record SensorView(String deviceId, String model, UUID lotId, UUID spotId, Instant registeredAt) {
}
