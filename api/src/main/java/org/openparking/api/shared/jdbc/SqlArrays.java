package org.openparking.api.shared.jdbc;

import java.util.Collection;
import java.util.UUID;

/** Array parameters shared by the modules' JDBC statements. */
public final class SqlArrays {

	private SqlArrays() {
	}

	/** Ids as one parameter for {@code = any(?::uuid[])}: one statement whatever their number. */
	public static String[] uuids(Collection<UUID> ids) {
		return ids.stream().map(UUID::toString).toArray(String[]::new);
	}
}
