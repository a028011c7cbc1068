package org.openparking.adminui.parking;

import java.time.DayOfWeek;
import java.util.List;

/** What the create-lot form collects. */
public record NewLot(String name, String street, String city, String postalCode, String countryCode,
		double latitude, double longitude, String timeZone, List<DailyHours> openingHours, List<NewLevel> levels,
		String operatorId) {

	public record NewLevel(String code, String name, int ordinal) {
	}

	/** Local times of the lot, HH:mm; a lot without any is open around the clock. */
	public record DailyHours(DayOfWeek dayOfWeek, String opens, String closes) {
	}
}
