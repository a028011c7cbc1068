package org.openparking.api.sensors.internal;

record RegisterSensorInput(String deviceId, String spotId, String model, String idempotencyKey) {
}
