package org.openparking.api.sessions;

import java.util.UUID;

import org.openparking.api.shared.graphql.InvalidArgumentException;

public record SessionId(UUID value) {

	public static SessionId random() {
		return new SessionId(UUID.randomUUID());
	}

	/** Parses a GraphQL ID; a malformed one is a bad request, not a server error. */
	public static SessionId parse(String id) {
		try {
			return new SessionId(UUID.fromString(id));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidArgumentException("Not a session id: " + id);
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
