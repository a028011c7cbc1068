package org.openparking.api.lots;

import java.util.UUID;

/** The source object of the GraphQL {@code Lot} type; {@code distanceMeters} is set only by radius queries. */
public record LotView(UUID id, String name, String operatorId, Address address, Location location, String timeZone,
		Integer maxHeightCm, Double distanceMeters) {

	public record Address(String street, String city, String postalCode, String countryCode) {
	}

	public record Location(double latitude, double longitude) {
	}
}
