package org.openparking.api.shared.graphql;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The sort key of lists ordered newest first by a time and then by id: {@code "<instant>|<uuid>"} before
 * {@link Cursors} makes it opaque.
 */
public record TimeIdCursor(Instant at, UUID id) {

	/** Null for the first page. */
	public static TimeIdCursor parse(String sortKey) {
		if (sortKey == null) {
			return null;
		}
		int bar = sortKey.indexOf('|');
		try {
			return new TimeIdCursor(Instant.parse(sortKey.substring(0, bar)), UUID.fromString(sortKey.substring(bar + 1)));
		}
		catch (DateTimeParseException | IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw new InvalidArgumentException("Malformed cursor");
		}
	}

	public static String sortKey(Instant at, UUID id) {
		return at + "|" + id;
	}
}
