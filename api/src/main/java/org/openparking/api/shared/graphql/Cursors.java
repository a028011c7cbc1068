package org.openparking.api.shared.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors: clients must not build or parse them, so the sort key can change without breaking them. */
public final class Cursors {

	private Cursors() {
	}

	public static String encode(String sortKey) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
	}

	public static String decode(String cursor) {
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentException("Malformed cursor");
		}
	}
}
