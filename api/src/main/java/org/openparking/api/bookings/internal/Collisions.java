package org.openparking.api.bookings.internal;

import java.sql.SQLException;

import org.springframework.dao.DataIntegrityViolationException;

/** Reads which constraint PostgreSQL enforced from the SQL state, not from a message. */
final class Collisions {

	private static final String EXCLUSION_VIOLATION = "23P01";

	private static final String UNIQUE_VIOLATION = "23505";

	private Collisions() {
	}

	/** A live booking or a walk-in session of the spot overlaps (the exclusion constraint or the V4 trigger). */
	static boolean spotTaken(DataIntegrityViolationException ex) {
		return EXCLUSION_VIOLATION.equals(sqlState(ex));
	}

	static boolean duplicate(DataIntegrityViolationException ex) {
		return UNIQUE_VIOLATION.equals(sqlState(ex));
	}

	private static String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}
}
