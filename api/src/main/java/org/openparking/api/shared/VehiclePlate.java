package org.openparking.api.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;

/**
 * A licence plate in a form that holds across countries: letters (any script) and digits in groups separated by
 * single spaces or hyphens, 2 to 10 letters and digits in all. Kept upper case and with single spaces, so the plate
 * a driver typed when booking matches the one read or typed at the entrance.
 */
public record VehiclePlate(String value) {

	private static final int MIN_CHARACTERS = 2;

	private static final int MAX_CHARACTERS = 10;

	private static final Pattern GROUPS = Pattern.compile("[\\p{L}\\p{Nd}]+(?:[ -][\\p{L}\\p{Nd}]+)*");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/**
	 * @param field the input path reported with INVALID_PLATE, for example {@code "input", "vehiclePlate"}
	 * @throws BusinessException INVALID_PLATE when the text is no plate
	 */
	public static VehiclePlate parse(String text, String... field) {
		if (text == null || text.isBlank()) {
			throw invalid("A vehicle plate must not be blank", field);
		}
		// NFKC turns full-width letters and digits (East Asian keyboards) into their plain forms.
		String normalised = WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip())
			.replaceAll(" ")
			.toUpperCase(Locale.ROOT);
		if (!GROUPS.matcher(normalised).matches()) {
			throw invalid("A vehicle plate is letters and digits in groups separated by single spaces or hyphens",
					field);
		}
		long characters = normalised.codePoints().filter(Character::isLetterOrDigit).count();
		if (characters < MIN_CHARACTERS || characters > MAX_CHARACTERS) {
			throw invalid("A vehicle plate has %d to %d letters and digits".formatted(MIN_CHARACTERS, MAX_CHARACTERS),
					field);
		}
		return new VehiclePlate(normalised);
	}

	/** For optional filters: null stays null, anything else must be a plate. */
	public static String normalisedOrNull(String text, String... field) {
		return text == null ? null : parse(text, field).value();
	}

	private static BusinessException invalid(String message, String... field) {
		return new BusinessException(UserErrorCode.INVALID_PLATE, message, field);
	}

	@Override
	public String toString() {
		return value;
	}
}
