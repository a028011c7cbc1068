package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.openparking.api.sensing.AlertKind;
import org.openparking.api.sensing.ObservationSource;
import org.openparking.api.sensing.ObservedState;
import org.openparking.api.sensing.SpotObservationChanged;
import org.openparking.api.sensing.SpotObservationView;
import org.openparking.api.sensing.internal.AlertRecorder.NewAlert;
import org.openparking.api.sensing.internal.SpotObservations.Stored;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies one observation inside the consumer's transaction. A reading older than the spot's state (by the sensor's
 * time, same device) or repeating it changes nothing; COMMS_LOST makes the spot UNKNOWN (never FREE) and raises
 * SENSOR_OFFLINE, COMMS_RESTORED resolves it (the state stays UNKNOWN until the sensor's next stable reading).
 */
@Component
class ObservationApplier {

	private final SpotObservations observations;

	private final Stays stays;

	private final SpotRules rules;

	private final AlertRecorder recorder;

	private final ApplicationEventPublisher events;

	ObservationApplier(SpotObservations observations, Stays stays, SpotRules rules, AlertRecorder recorder,
			ApplicationEventPublisher events) {
		this.observations = observations;
		this.stays = stays;
		this.rules = rules;
		this.recorder = recorder;
		this.events = events;
	}

	void apply(ObservationRow row, Instant now) {
		switch (row.kind()) {
			case OCCUPANCY -> change(row, Boolean.TRUE.equals(row.occupied()) ? ObservedState.OCCUPIED
					: ObservedState.FREE, ObservationSource.SENSOR, now);
			case COMMS_LOST -> {
				change(row, ObservedState.UNKNOWN, ObservationSource.COMMS_LOST, now);
				recorder.raise(NewAlert.onSpot(AlertKind.SENSOR_OFFLINE, row.lotId(), row.spotId(),
						"Sensor " + row.deviceId() + " went silent").device(row.deviceId()), now);
			}
			case COMMS_RESTORED -> recorder.resolveOnSpot(AlertKind.SENSOR_OFFLINE, row.spotId(), now);
			case LOW_BATTERY -> recorder.raise(NewAlert.onSpot(AlertKind.LOW_BATTERY, row.lotId(), row.spotId(),
					"The battery of sensor " + row.deviceId() + " is low").device(row.deviceId()), now);
			case STARTUP -> {
				// Health only (the gateway keeps it); nothing changes on the spot.
			}
		}
	}

	private void change(ObservationRow row, ObservedState state, ObservationSource source, Instant now) {
		Optional<Stored> stored = observations.stored(row.spotId());
		boolean sameDevice = stored.filter(s -> s.deviceId().equals(row.deviceId())).isPresent();
		if (sameDevice && (row.observedAt().isBefore(stored.get().observedAt())
				|| (stored.get().state() == state && stored.get().source() == source))) {
			return;
		}
		boolean wasOccupied = stored.filter(s -> s.state() == ObservedState.OCCUPIED).isPresent();
		SpotObservationView view = new SpotObservationView(row.spotId(), row.lotId(), state, row.observedAt(), source,
				row.deviceId());
		observations.store(view, now);
		events.publishEvent(new SpotObservationChanged(view));
		if (state == ObservedState.OCCUPIED && !wasOccupied) {
			stays.arrive(row.spotId(), row.lotId(), row.observedAt());
		}
		else if (state != ObservedState.OCCUPIED && wasOccupied) {
			stays.leave(row.spotId(), row.observedAt(), state.name());
		}
		switch (state) {
			case OCCUPIED -> rules.occupied(List.of(view), true, now);
			case FREE -> rules.freed(view, now);
			case UNKNOWN -> {
				// What was raised stays raised; a block lapses unless the car is seen again.
			}
		}
	}
}
