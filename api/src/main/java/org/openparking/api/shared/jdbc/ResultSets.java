package org.openparking.api.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Column reads shared by the modules' JDBC row mappers. */
public final class ResultSets {

	private ResultSets() {
	}

	/** A {@code timestamptz} column as an {@link Instant}; SQL null stays null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
