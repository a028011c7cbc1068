package org.openparking.api.sessions;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.openparking.api.shared.UserId;

/**
 * Read access to walk-in sessions for other modules, for example to resolve the {@code session} of a live
 * {@code SessionEvent}. A {@link SessionView} returned anywhere gets its {@code lot}, {@code spot} and
 * {@code payments} fields from the sessions module's batch mappings.
 */
public interface Sessions {

	Optional<SessionView> find(SessionId id);

	/** Many sessions in one query (for batch loading); unknown ids are left out. */
	Map<SessionId, SessionView> find(Collection<SessionId> ids);

	/** The user's active session, if any. */
	Optional<SessionView> activeOf(UserId user);
}
