package org.openparking.api.lots;

import java.util.UUID;

import org.openparking.api.shared.graphql.InvalidArgumentException;

public record LotId(UUID value) {

	public static LotId random() {
		return new LotId(UUID.randomUUID());
	}

	/** Parses a GraphQL ID; a malformed one is a bad request, not a server error. */
	public static LotId parse(String id) {
		try {
			return new LotId(UUID.fromString(id));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidArgumentException("Not a lot id: " + id);
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
