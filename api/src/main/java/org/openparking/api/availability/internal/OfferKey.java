package org.openparking.api.availability.internal;

import java.util.UUID;

import org.openparking.api.shared.graphql.InvalidArgumentException;

/**
 * The position of an offer in the search order: price per hour, then distance, then lot, then spot code. Unique per
 * spot (codes are unique within a lot), so keyset pages neither skip nor repeat spots.
 */
public record OfferKey(long pricePerHourMinor, double distance, UUID lotId, String code) {

	private static final String SEPARATOR = "|";

	/** Cursor text; the code comes last because it is the only part that may contain the separator. */
	public String text() {
		return pricePerHourMinor + SEPARATOR + distance + SEPARATOR + lotId + SEPARATOR + code;
	}

	public static OfferKey parse(String text) {
		String[] parts = text.split("\\|", 4);
		if (parts.length != 4) {
			throw new InvalidArgumentException("Malformed cursor");
		}
		try {
			return new OfferKey(Long.parseLong(parts[0]), Double.parseDouble(parts[1]), UUID.fromString(parts[2]),
					parts[3]);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentException("Malformed cursor");
		}
	}
}
