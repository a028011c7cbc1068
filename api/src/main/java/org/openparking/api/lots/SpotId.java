package org.openparking.api.lots;

import java.util.UUID;

import org.openparking.api.shared.graphql.InvalidArgumentException;

public record SpotId(UUID value) {

	public static SpotId random() {
		return new SpotId(UUID.randomUUID());
	}

	/** Parses a GraphQL ID; a malformed one is a bad request, not a server error. */
	public static SpotId parse(String id) {
		try {
			return new SpotId(UUID.fromString(id));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidArgumentException("Not a spot id: " + id);
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
