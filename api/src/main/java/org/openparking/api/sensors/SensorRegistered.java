package org.openparking.api.sensors;

import java.time.Instant;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;

/**
 * A device was registered on a spot, or moved to it.
 *
 * @param previousSpot the spot it watched before a move, null for a new registration
 */
public record SensorRegistered(String deviceId, LotId lotId, SpotId spotId, SpotId previousSpot, Instant occurredAt) {
}
