package org.openparking.api.lots.internal;

import java.util.UUID;

import org.openparking.api.shared.graphql.InvalidArgumentException;

/**
 * The keyset position behind an opaque cursor: the lot id and the value it was sorted by (name or distance). The id
 * comes first because it has a fixed length, so the value may contain anything.
 */
record LotCursor(UUID id, String sortValue) {

	private static final int ID_LENGTH = 36;

	static final UUID FIRST_ID = new UUID(0, 0);

	String encode() {
		return id + "|" + sortValue;
	}

	static LotCursor decode(String sortKey) {
		if (sortKey.length() <= ID_LENGTH || sortKey.charAt(ID_LENGTH) != '|') {
			throw malformed();
		}
		try {
			return new LotCursor(UUID.fromString(sortKey.substring(0, ID_LENGTH)), sortKey.substring(ID_LENGTH + 1));
		}
		catch (IllegalArgumentException ex) {
			throw malformed();
		}
	}

	double distance() {
		try {
			return Double.parseDouble(sortValue);
		}
		catch (NumberFormatException ex) {
			throw malformed();
		}
	}

	private static InvalidArgumentException malformed() {
		return new InvalidArgumentException("Malformed cursor");
	}
}
