package org.openparking.gateway.uplink;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A well-formed reading, normalized from either payload format. Whether the device is registered is checked later,
 * for a whole batch at once. Times are truncated to milliseconds, the precision of the per-device state.
 *
 * @param seq the sensor's sequence number (the LoRaWAN frame counter for The Things Stack uplinks)
 * @param sensorTime when the sensor took the reading (The Things Stack: when the network received it)
 * @param occupied null when the reading does not report occupancy
 * @param receivedAt when this gateway received the message (gateway clock)
 */
public record Reading(String deviceId, long seq, Instant sensorTime, ReadingType type, @Nullable Boolean occupied,
		@Nullable Battery battery, @Nullable Double rssi, @Nullable Double snr, @Nullable String firmware,
		Instant receivedAt) implements ParsedUplink {
}
