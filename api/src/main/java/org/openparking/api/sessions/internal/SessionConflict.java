package org.openparking.api.sessions.internal;

import java.sql.SQLException;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Which database guard refused a new session. Redis claims normally keep the spot guards from firing; they fire when
 * Redis lagged behind PostgreSQL (a lost claim not yet rebuilt), and then PostgreSQL has the last word.
 */
enum SessionConflict {

	/** {@code parking_session_one_active_per_user}: the user's other start won. */
	USER_HAS_ACTIVE_SESSION,

	/** {@code parking_session_one_active_per_spot}: someone else is parked there. */
	SPOT_IN_SESSION,

	/** The V4 trigger (23P01): a booking of the spot overlaps the session. */
	SPOT_BOOKED;

	private static final String UNIQUE_VIOLATION = "23505";

	private static final String EXCLUSION_VIOLATION = "23P01";

	static Optional<SessionConflict> of(DataIntegrityViolationException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return of(sql.getSQLState(), String.valueOf(sql.getMessage()));
			}
		}
		return Optional.empty();
	}

	// The constraint name appears verbatim in the message whatever language the server reports in.
	private static Optional<SessionConflict> of(String sqlState, String message) {
		if (UNIQUE_VIOLATION.equals(sqlState) && message.contains("parking_session_one_active_per_user")) {
			return Optional.of(USER_HAS_ACTIVE_SESSION);
		}
		if (UNIQUE_VIOLATION.equals(sqlState) && message.contains("parking_session_one_active_per_spot")) {
			return Optional.of(SPOT_IN_SESSION);
		}
		if (EXCLUSION_VIOLATION.equals(sqlState)) {
			return Optional.of(SPOT_BOOKED);
		}
		return Optional.empty();
	}
}
