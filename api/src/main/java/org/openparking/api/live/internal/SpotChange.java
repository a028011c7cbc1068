package org.openparking.api.live.internal;

import java.time.Instant;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;

/** A spot whose commercial state may have changed, waiting on a relay lane to be told to subscribers. */
record SpotChange(LotId lot, SpotId spot, SpotChangeCause cause, Instant occurredAt) {
}
