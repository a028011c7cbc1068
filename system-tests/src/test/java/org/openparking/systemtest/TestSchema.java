package org.openparking.systemtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The system's own PostgreSQL schema in the local {@code test} database, dropped and created empty per run, so the
 * services migrate it from scratch with the migrations of this checkout.
 */
final class TestSchema {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private TestSchema() {
	}

	static void recreate(String jdbcUrl, String user, String password, String schema) {
		if (!IDENTIFIER.matcher(schema).matches()) {
			throw new IllegalArgumentException("Not a plain schema name: " + schema);
		}
		try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + schema + " cascade");
			statement.execute("create schema " + schema);
		}
		catch (SQLException ex) {
			throw new AssertionError("PostgreSQL at " + jdbcUrl + " is not usable: " + ex.getMessage(), ex);
		}
	}
}
