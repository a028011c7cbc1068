package org.openparking.api.lots.internal;

import java.util.List;

record AddSpotsInput(String lotId, String levelCode, List<SpotInput> spots, String idempotencyKey) {
}
