package org.openparking.api.holds.internal;

import java.time.Duration;
import java.time.Instant;

import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.stereotype.Component;

/** Which windows can be held; a violation is an INVALID_WINDOW user error on the field at fault. */
@Component
class HoldWindowRules {

	private final HoldsProperties properties;

	HoldWindowRules(HoldsProperties properties) {
		this.properties = properties;
	}

	void check(TimeWindow window, Instant now) {
		if (window.from().isBefore(now.minus(properties.pastSkew()))) {
			throw invalid("from must not be in the past", "from");
		}
		if (window.from().isAfter(now.plus(properties.maxAdvance()))) {
			throw invalid("from must be at most " + human(properties.maxAdvance()) + " ahead", "from");
		}
		if (window.length().compareTo(properties.minLength()) < 0) {
			throw invalid("The window must last at least " + human(properties.minLength()), "to");
		}
		if (window.length().compareTo(properties.maxLength()) > 0) {
			throw invalid("The window must last at most " + human(properties.maxLength()), "to");
		}
	}

	private static String human(Duration duration) {
		if (duration.toHours() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
			return duration.toDays() + " days";
		}
		if (duration.equals(Duration.ofHours(duration.toHours()))) {
			return duration.toHours() + " hours";
		}
		return duration.toMinutes() + " minutes";
	}

	private static BusinessException invalid(String message, String field) {
		return new BusinessException(UserErrorCode.INVALID_WINDOW, message, "input", field);
	}
}
