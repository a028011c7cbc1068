package org.openparking.api.lots.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.openparking.api.lots.LotView;
import org.openparking.api.shared.graphql.UserErrorCode;

/** What a new lot must satisfy; every broken rule is reported with the path of its field. */
final class NewLotRules {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private NewLotRules() {
	}

	static void check(CreateLotInput input) {
		InputErrors errors = new InputErrors();
		errors.checkText(input.name(), "name", "name");
		if (input.operatorId() != null) {
			errors.checkText(input.operatorId(), "operatorId", "operatorId");
		}
		errors.checkInput(isZone(input.timeZone()), "timeZone must be an IANA time zone such as Europe/Berlin",
				"timeZone");
		errors.checkInput(input.maxHeightCm() == null || input.maxHeightCm() > 0, "maxHeightCm must be positive",
				"maxHeightCm");
		checkAddress(input.address(), errors);
		checkLocation(input.location(), errors);
		checkOpeningHours(input.openingHours() == null ? List.of() : input.openingHours(), errors);
		checkLevels(input.levels(), errors);
		errors.throwIfAny();
	}

	/** Only region ids: fixed offsets such as +02:00 would ignore daylight saving time. */
	static boolean isZone(String zone) {
		return zone != null && ZoneId.getAvailableZoneIds().contains(zone);
	}

	private static void checkAddress(LotView.Address address, InputErrors errors) {
		errors.checkText(address.city(), "city", "address", "city");
		String country = address.countryCode();
		errors.checkInput(country != null && COUNTRIES.contains(country.toUpperCase(Locale.ROOT)),
				"countryCode must be a two-letter ISO 3166 country code", "address", "countryCode");
		errors.checkOptionalText(address.street(), "street", "address", "street");
		errors.checkOptionalText(address.postalCode(), "postalCode", "address", "postalCode");
	}

	private static void checkLocation(LotView.Location location, InputErrors errors) {
		errors.checkInput(Math.abs(location.latitude()) <= 90, "latitude must be between -90 and 90", "location",
				"latitude");
		errors.checkInput(Math.abs(location.longitude()) <= 180, "longitude must be between -180 and 180",
				"location", "longitude");
	}

	private static void checkOpeningHours(List<OpeningHoursView> hours, InputErrors errors) {
		Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
		for (int i = 0; i < hours.size(); i++) {
			OpeningHoursView day = hours.get(i);
			errors.checkInput(seen.add(day.dayOfWeek()), "Each day may appear once", "openingHours", i, "dayOfWeek");
			Optional<LocalTime> opens = DailyHours.parseOpening(day.opens());
			Optional<LocalTime> closes = DailyHours.parseClosing(day.closes());
			errors.checkInput(opens.isPresent(), "opens must be HH:mm", "openingHours", i, "opens");
			errors.checkInput(closes.isPresent(), "closes must be HH:mm (24:00 for midnight)", "openingHours", i,
					"closes");
			if (opens.isPresent() && closes.isPresent()) {
				errors.checkInput(opens.get().isBefore(closes.get()), "opens must be before closes", "openingHours", i,
						"closes");
			}
		}
	}

	private static void checkLevels(List<CreateLotInput.LevelInput> levels, InputErrors errors) {
		errors.checkInput(!levels.isEmpty(), "A lot needs at least one level", "levels");
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < levels.size(); i++) {
			CreateLotInput.LevelInput level = levels.get(i);
			errors.checkText(level.code(), "code", "levels", i, "code");
			errors.checkText(level.name(), "name", "levels", i, "name");
			errors.check(level.code() == null || codes.add(level.code()), UserErrorCode.DUPLICATE_CODE,
					"Level codes must be unique within the lot", "levels", i, "code");
		}
	}
}
