package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.util.UUID;

/** A row of the gateway's {@code sensor_observation}; {@code occupied} is set for OCCUPANCY only. */
record ObservationRow(long id, String deviceId, UUID lotId, UUID spotId, Kind kind, Boolean occupied,
		Instant observedAt, Instant receivedAt) {

	enum Kind {
		OCCUPANCY, COMMS_LOST, COMMS_RESTORED, LOW_BATTERY, STARTUP
	}
}
