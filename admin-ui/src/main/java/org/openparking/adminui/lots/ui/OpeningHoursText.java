package org.openparking.adminui.lots.ui;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openparking.adminui.parking.ApiException;
import org.openparking.adminui.parking.NewLot.DailyHours;

/**
 * The opening hours as a manager types them, e.g. {@code Mon-Fri 07:00-22:00, Sat 08:00-14:00}: days or day ranges
 * (Mon..Sun) with one time range each, separated by commas. Empty means open around the clock; days not named are
 * closed. Whether the times make sense (opens before closes) is the api's to judge; this only reads the text.
 */
final class OpeningHoursText {

	private static final Pattern PART = Pattern
		.compile("(?i)\\s*([a-z]{3})(?:\\s*-\\s*([a-z]{3}))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

	private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

	private OpeningHoursText() {
	}

	/** @throws ApiException with a message for the user when the text cannot be read */
	static List<DailyHours> parse(String text) {
		List<DailyHours> hours = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return hours;
		}
		Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
		for (String part : text.split(",")) {
			Matcher matcher = PART.matcher(part);
			if (!matcher.matches()) {
				throw unreadable(part);
			}
			DayOfWeek first = day(matcher.group(1), part);
			DayOfWeek last = matcher.group(2) == null ? first : day(matcher.group(2), part);
			if (last.compareTo(first) < 0) {
				throw unreadable(part);
			}
			for (DayOfWeek day = first;; day = day.plus(1)) {
				if (!seen.add(day)) {
					throw new ApiException(day.name().charAt(0) + day.name().substring(1).toLowerCase(Locale.ROOT)
							+ " is named twice in the opening hours");
				}
				hours.add(new DailyHours(day, pad(matcher.group(3)), pad(matcher.group(4))));
				if (day == last) {
					break;
				}
			}
		}
		return hours;
	}

	private static DayOfWeek day(String name, String part) {
		int index = DAYS.indexOf(name.toLowerCase(Locale.ROOT));
		if (index < 0) {
			throw unreadable(part);
		}
		return DayOfWeek.of(index + 1);
	}

	private static String pad(String time) {
		return time.length() == 4 ? "0" + time : time;
	}

	private static ApiException unreadable(String part) {
		return new ApiException("Opening hours \"" + part.strip()
				+ "\" cannot be read: write days and times like Mon-Fri 07:00-22:00, Sat 08:00-14:00");
	}
}
