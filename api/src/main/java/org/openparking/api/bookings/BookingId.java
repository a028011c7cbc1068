package org.openparking.api.bookings;

import java.util.UUID;

import org.openparking.api.shared.graphql.InvalidArgumentException;

public record BookingId(UUID value) {

	public static BookingId random() {
		return new BookingId(UUID.randomUUID());
	}

	/** Parses a GraphQL ID; a malformed one is a bad request, not a server error. */
	public static BookingId parse(String id) {
		try {
			return new BookingId(UUID.fromString(id));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidArgumentException("Not a booking id: " + id);
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
