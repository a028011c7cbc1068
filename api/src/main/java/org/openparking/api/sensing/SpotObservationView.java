package org.openparking.api.sensing;

import java.time.Instant;
import java.util.UUID;

/**
 * The source object of the GraphQL {@code SpotObservation} type and the payload of {@code spotObservationChanged}.
 * @param observedAt the sensor's time of the reading behind the state; null when never observed
 */
public record SpotObservationView(UUID spotId, UUID lotId, ObservedState state, Instant observedAt,
		ObservationSource source, String deviceId) {

	public static SpotObservationView noSensor(UUID spotId, UUID lotId) {
		return new SpotObservationView(spotId, lotId, ObservedState.UNKNOWN, null, ObservationSource.NO_SENSOR, null);
	}
}
