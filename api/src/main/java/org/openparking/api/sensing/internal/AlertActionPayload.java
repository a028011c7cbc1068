package org.openparking.api.sensing.internal;

import java.util.List;

import org.openparking.api.sensing.AlertView;
import org.openparking.api.shared.graphql.UserError;

record AlertActionPayload(AlertView alert, List<UserError> userErrors) {

	static AlertActionPayload failed(List<UserError> errors) {
		return new AlertActionPayload(null, errors);
	}
}
