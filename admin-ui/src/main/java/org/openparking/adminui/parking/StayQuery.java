package org.openparking.adminui.parking;

import java.time.Instant;

/** The lookup's narrowing: each part optional. */
public record StayQuery(String vehiclePlate, String userId, Instant from, Instant to, String spotId) {

	public StayQuery(String vehiclePlate, String userId, Instant from, Instant to) {
		this(vehiclePlate, userId, from, to, null);
	}

	public static StayQuery any() {
		return new StayQuery(null, null, null, null, null);
	}

	/** The bookings and sessions of one spot, newest first. */
	public static StayQuery ofSpot(String spotId) {
		return new StayQuery(null, null, null, null, spotId);
	}
}
