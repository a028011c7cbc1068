package org.openparking.api.shared.graphql;

/**
 * Thrown deep inside a use case to abort it with a {@link UserError}; the controller turns it into a payload.
 * It is an expected outcome, so it carries no stack trace.
 */
public class BusinessException extends RuntimeException {

	private final transient UserError error;

	public BusinessException(UserErrorCode code, String message, String... field) {
		super(message, null, false, false);
		this.error = UserError.of(code, message, field);
	}

	public UserError error() {
		return error;
	}
}
