package org.openparking.api.sensing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.sensing.ObservationSource;
import org.openparking.api.sensing.SpotObservationChanged;
import org.openparking.api.sensing.SpotObservationView;
import org.openparking.api.sensors.SensorRegistered;
import org.openparking.api.sensors.SensorRemoved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Only a spot's current sensor speaks for it ({@link SpotObservations}), so registering, moving or removing a device
 * changes the observation of the spots concerned without any reading: subscribers get each one's new observation, as
 * the queries show it. A spot left without a sensor also loses the block its old sensor's car put up, so it is not
 * kept from drivers by a device that no longer watches it.
 */
@Component
class SensorRegistryChanges {

	private final SpotObservations observations;

	private final SpotClaims claims;

	private final ApplicationEventPublisher events;

	SensorRegistryChanges(SpotObservations observations, SpotClaims claims, ApplicationEventPublisher events) {
		this.observations = observations;
		this.claims = claims;
		this.events = events;
	}

	@EventListener
	void on(SensorRegistered event) {
		List<UUID> spots = new ArrayList<>(List.of(event.spotId().value()));
		if (event.previousSpot() != null) {
			spots.add(event.previousSpot().value());
		}
		announce(spots);
	}

	@EventListener
	void on(SensorRemoved event) {
		announce(List.of(event.spotId().value()));
	}

	private void announce(List<UUID> spots) {
		for (SpotObservationView view : observations.views(spots).values()) {
			if (view.source() == ObservationSource.NO_SENSOR) {
				claims.unblockOccupied(new LotId(view.lotId()), List.of(new SpotId(view.spotId())));
			}
			events.publishEvent(new SpotObservationChanged(view));
		}
	}
}
