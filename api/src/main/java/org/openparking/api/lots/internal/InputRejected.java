package org.openparking.api.lots.internal;

import java.util.List;

import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserError;

/** Several user errors at once, so a client can fix every field of a form in one round trip. */
class InputRejected extends BusinessException {

	private final transient List<UserError> errors;

	InputRejected(List<UserError> errors) {
		super(errors.getFirst().code(), errors.getFirst().message(), errors.getFirst().field().toArray(String[]::new));
		this.errors = List.copyOf(errors);
	}

	static List<UserError> errorsOf(BusinessException ex) {
		return ex instanceof InputRejected rejected ? rejected.errors : List.of(ex.error());
	}
}
