package org.openparking.api.sensing.internal;

record AlertActionInput(String alertId, String note, String idempotencyKey) {
}
