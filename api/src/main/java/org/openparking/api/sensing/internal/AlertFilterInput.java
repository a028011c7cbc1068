package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.util.List;

import org.openparking.api.sensing.AlertKind;
import org.openparking.api.sensing.AlertStatus;

record AlertFilterInput(List<AlertStatus> statuses, List<AlertKind> kinds, String spotId, Instant since) {
}
