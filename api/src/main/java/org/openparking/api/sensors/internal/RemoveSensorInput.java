package org.openparking.api.sensors.internal;

record RemoveSensorInput(String deviceId, String idempotencyKey) {
}
