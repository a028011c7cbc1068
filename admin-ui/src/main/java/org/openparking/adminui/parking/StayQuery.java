package org.openparking.adminui.parking;

import java.time.Instant;

/** The lookup's narrowing: each part optional. */
public record StayQuery(String vehiclePlate, String userId, Instant from, Instant to) {

	public static StayQuery any() {
		return new StayQuery(null, null, null, null);
	}
}
