package org.openparking.api.lots.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserError;
import org.openparking.api.shared.graphql.UserErrorCode;

/** Collects the user errors of one input; field paths start at "input", list items are addressed by index. */
final class InputErrors {

	static final int MAX_TEXT = 200;

	private final List<UserError> errors = new ArrayList<>();

	InputErrors check(boolean valid, UserErrorCode code, String message, Object... field) {
		if (!valid) {
			errors.add(new UserError(code, message, path(field)));
		}
		return this;
	}

	InputErrors checkInput(boolean valid, String message, Object... field) {
		return check(valid, UserErrorCode.INVALID_INPUT, message, field);
	}

	InputErrors checkText(String text, String what, Object... field) {
		return checkInput(text != null && !text.isBlank() && text.length() <= MAX_TEXT,
				what + " must not be blank and at most " + MAX_TEXT + " characters", field);
	}

	InputErrors checkOptionalText(String text, String what, Object... field) {
		return checkInput(text == null || text.length() <= MAX_TEXT,
				what + " must be at most " + MAX_TEXT + " characters", field);
	}

	void throwIfAny() {
		if (!errors.isEmpty()) {
			throw new InputRejected(errors);
		}
	}

	/** A malformed id in a mutation input is the client's mistake in that field, not a server error. */
	static UUID parseId(String id, String field) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT, "Not a valid id: " + id, "input", field);
		}
	}

	private static List<String> path(Object... field) {
		List<String> path = new ArrayList<>(field.length + 1);
		path.add("input");
		for (Object part : field) {
			path.add(String.valueOf(part));
		}
		return path;
	}
}
