package org.openparking.api.sensors;

import java.time.Instant;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;

/** A device was removed: the spot it watched has no sensor any more. */
public record SensorRemoved(String deviceId, LotId lotId, SpotId spotId, Instant occurredAt) {
}
