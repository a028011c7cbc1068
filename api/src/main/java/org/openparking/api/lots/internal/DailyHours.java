package org.openparking.api.lots.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opening hours of one day in the lot's local time: open from {@code opens} (inclusive) to {@code closes}
 * (exclusive). A day that ends at midnight is written "24:00" and kept as 23:59:59, the last value that survives a
 * round trip through a {@code time} column: PostgreSQL rounds a later one to 24:00:00, which reads back as 00:00.
 */
record DailyHours(DayOfWeek dayOfWeek, LocalTime opens, LocalTime closes) {

	private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

	private static final String MIDNIGHT = "24:00";

	private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm");

	boolean contains(LocalTime time) {
		return !time.isBefore(opens) && (endsAtMidnight() || time.isBefore(closes));
	}

	OpeningHoursView toView() {
		return new OpeningHoursView(dayOfWeek, FORMAT.format(opens), endsAtMidnight() ? MIDNIGHT : FORMAT.format(closes));
	}

	private boolean endsAtMidnight() {
		return !closes.isBefore(END_OF_DAY);
	}

	static Optional<LocalTime> parseOpening(String text) {
		return text != null && HH_MM.matcher(text).matches() ? Optional.of(LocalTime.parse(text)) : Optional.empty();
	}

	static Optional<LocalTime> parseClosing(String text) {
		return MIDNIGHT.equals(text) ? Optional.of(END_OF_DAY) : parseOpening(text);
	}
}
