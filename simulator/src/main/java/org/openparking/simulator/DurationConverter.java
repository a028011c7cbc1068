package org.openparking.simulator;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "500ms", "90s", "15m", "1h30m", "2d", or ISO-8601 ("PT15M"). */
final class DurationConverter {

	private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

	private DurationConverter() {
	}

	static Duration parse(String text) {
		String value = text.trim();
		if (value.toUpperCase().startsWith("P")) {
			return Duration.parse(value);
		}
		Matcher matcher = PART.matcher(value);
		Duration total = Duration.ZERO;
		int end = 0;
		while (matcher.find() && matcher.start() == end) {
			long amount = Long.parseLong(matcher.group(1));
			total = total.plus(switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			});
			end = matcher.end();
		}
		if (end == 0 || end != value.length()) {
			throw new IllegalArgumentException("not a duration: '" + text + "' (examples: 500ms, 90s, 15m, 1h30m)");
		}
		return total;
	}
}
