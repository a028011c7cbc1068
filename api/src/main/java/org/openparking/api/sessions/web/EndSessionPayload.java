package org.openparking.api.sessions.web;

import java.util.List;

import org.openparking.api.sessions.SessionView;
import org.openparking.api.shared.graphql.UserError;

/** A declined payment comes with the ended session: the session is over either way. */
public record EndSessionPayload(SessionView session, List<UserError> userErrors) {

	static EndSessionPayload failed(List<UserError> errors) {
		return new EndSessionPayload(null, errors);
	}
}
