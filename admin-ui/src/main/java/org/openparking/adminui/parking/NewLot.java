package org.openparking.adminui.parking;

import java.util.List;

/** What the create-lot form collects. */
public record NewLot(String name, String street, String city, String postalCode, String countryCode,
		double latitude, double longitude, String timeZone, List<NewLevel> levels, String operatorId) {

	public record NewLevel(String code, String name, int ordinal) {
	}
}
