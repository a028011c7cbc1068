package org.openparking.api.sessions;

import java.util.Optional;

import org.openparking.api.shared.UserId;

/** Read access to walk-in sessions for other modules (for example to send a session along with its events). */
public interface Sessions {

	Optional<SessionView> find(SessionId id);

	/** The user's active session, if any. */
	Optional<SessionView> activeOf(UserId user);
}
