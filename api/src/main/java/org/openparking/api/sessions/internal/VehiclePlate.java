package org.openparking.api.sessions.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;

/**
 * A licence plate in a form that holds across countries: letters (any script) and digits in groups separated by
 * single spaces or hyphens, 2 to 10 characters without the separators. Stored upper case, so a plate typed in lower
 * case at the entrance matches the one on the booking.
 */
record VehiclePlate(String value) {

	static final int MIN_CHARACTERS = 2;

	static final int MAX_CHARACTERS = 10;

	// NFKC first: full-width digits and letters typed on East Asian keyboards become their plain forms.
	private static final Pattern GROUPS = Pattern.compile("[\\p{L}\\p{Nd}]+(?:[ -][\\p{L}\\p{Nd}]+)*");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	static VehiclePlate parse(String text, String... field) {
		if (text == null || text.isBlank()) {
			throw invalid("A vehicle plate is required", field);
		}
		String normalised = WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip())
			.replaceAll(" ")
			.toUpperCase(Locale.ROOT);
		if (!GROUPS.matcher(normalised).matches()) {
			throw invalid("A vehicle plate has letters and digits, in groups separated by single spaces or hyphens",
					field);
		}
		long characters = normalised.codePoints().filter(Character::isLetterOrDigit).count();
		if (characters < MIN_CHARACTERS || characters > MAX_CHARACTERS) {
			throw invalid("A vehicle plate has %d to %d letters and digits".formatted(MIN_CHARACTERS, MAX_CHARACTERS),
					field);
		}
		return new VehiclePlate(normalised);
	}

	private static BusinessException invalid(String message, String... field) {
		return new BusinessException(UserErrorCode.INVALID_PLATE, message, field);
	}
}
