package org.openparking.api.shared.graphql;

import java.util.List;

/**
 * A business failure reported in a mutation payload. {@code field} is the path to the offending input field,
 * for example {@code ["input", "to"]}, or empty when no single field is at fault.
 */
public record UserError(UserErrorCode code, String message, List<String> field) {

	public UserError {
		field = field == null ? List.of() : List.copyOf(field);
	}

	public static UserError of(UserErrorCode code, String message, String... field) {
		return new UserError(code, message, List.of(field));
	}
}
