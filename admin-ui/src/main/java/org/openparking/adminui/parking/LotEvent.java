package org.openparking.adminui.parking;

import java.time.Instant;

/** Something that changed in a lot, delivered live. After a reconnect views refetch instead of trusting gaps. */
public sealed interface LotEvent {

	String lotId();

	/** The spot is sold as something else now; {@code cause} is the api's, e.g. BOOKED or CLOSED. */
	record SpotCommercialChanged(String lotId, String spotId, CommercialState state, String cause) implements LotEvent {

		/** OPENED / CLOSED / OUT_OF_SERVICE also tell the administrative state. */
		public AdministrativeState administrativeState() {
			return switch (cause) {
				case "OPENED" -> AdministrativeState.OPEN;
				case "CLOSED" -> AdministrativeState.CLOSED;
				case "OUT_OF_SERVICE" -> AdministrativeState.OUT_OF_SERVICE;
				default -> null;
			};
		}
	}

	/** The sensor's reading of the spot changed. */
	record SpotObserved(String lotId, String spotId, ObservedState state, Instant observedAt) implements LotEvent {
	}

	/** An alert was raised, acknowledged or resolved. */
	record AlertChanged(String lotId, Alert alert) implements LotEvent {
	}

	/** The free counts of the lot changed. */
	record AvailabilityChanged(String lotId) implements LotEvent {
	}
}
