package org.openparking.api.holds;

import java.time.Instant;

public record HoldPlaced(Hold hold, Instant occurredAt) {
}
