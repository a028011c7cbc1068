package org.openparking.api.availability.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.springframework.stereotype.Component;

/** Which windows may be searched, counted or quoted: the same rules for all three. */
@Component
public class WindowRules {

	private final AvailabilityProperties properties;

	private final Clock clock;

	WindowRules(AvailabilityProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** The window, or a BAD_REQUEST error (for query arguments). */
	public TimeWindow require(Instant from, Instant to) {
		Optional<Problem> problem = problem(from, to);
		if (problem.isPresent()) {
			throw new InvalidArgumentException(problem.get().message());
		}
		return new TimeWindow(from, to);
	}

	/** Why the window is not acceptable, and which of its two ends is at fault; empty when it is fine. */
	public Optional<Problem> problem(Instant from, Instant to) {
		if (from == null || to == null) {
			return Problem.of(from == null ? "from" : "to", "from and to are required");
		}
		if (!from.isBefore(to)) {
			return Problem.of("to", "from must be before to");
		}
		Instant now = clock.instant();
		if (from.isBefore(now.minus(properties.startTolerance()))) {
			return Problem.of("from", "from must not be in the past");
		}
		if (to.isAfter(from.plus(properties.maxWindow()))) {
			return Problem.of("to", "The window must not be longer than " + describe(properties.maxWindow()));
		}
		if (from.isAfter(now.plus(properties.maxAdvance()))) {
			return Problem.of("from", "from must be at most " + describe(properties.maxAdvance()) + " ahead");
		}
		return Optional.empty();
	}

	private static String describe(Duration duration) {
		return duration.toHoursPart() == 0 && duration.toMinutesPart() == 0 ? duration.toDays() + " days"
				: duration.toMinutes() + " minutes";
	}

	public record Problem(String field, String message) {

		static Optional<Problem> of(String field, String message) {
			return Optional.of(new Problem(field, message));
		}
	}
}
