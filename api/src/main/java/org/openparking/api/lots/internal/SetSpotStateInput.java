package org.openparking.api.lots.internal;

import org.openparking.api.lots.AdministrativeState;

record SetSpotStateInput(String spotId, AdministrativeState state, String reason, String idempotencyKey) {
}
