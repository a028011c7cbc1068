package org.openparking.api.sessions;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.openparking.api.lots.SpotId;
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

	/** The active session of each of the spots that has one, in one query. */
	Map<SpotId, SessionView> activeOn(Collection<SpotId> spots);

	/**
	 * Ends a session whose car has left without its driver ending it (a sensor saw the spot free since
	 * {@code leftAt}): the spot is freed and the stay is charged by tariff up to {@code leftAt}. No payment is taken,
	 * as no payment method is at hand: the charge is recorded on the session and owed. Empty when it is not active.
	 */
	Optional<SessionView> endLeftOpen(SessionId session, Instant leftAt);
}
