package org.openparking.api.sessions.web;

import java.util.List;

import org.openparking.api.sessions.SessionView;
import org.openparking.api.shared.graphql.UserError;

public record StartSessionPayload(SessionView session, List<UserError> userErrors) {

	static StartSessionPayload failed(List<UserError> errors) {
		return new StartSessionPayload(null, errors);
	}
}
