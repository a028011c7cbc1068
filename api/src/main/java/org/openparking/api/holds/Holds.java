package org.openparking.api.holds;

import java.util.Optional;

import org.openparking.api.shared.UserId;

/**
 * Holds while a driver pays. No PostgreSQL on this path: a hold is one Lua script in Redis, so it serves thousands of
 * holds per second.
 * <p>
 * Hence the hold events ({@link HoldPlaced}, {@link HoldReleased}, {@link HoldExpired}) are published synchronously
 * and OUTSIDE any transaction. Listen with a plain {@code @EventListener}; a {@code @TransactionalEventListener} or
 * {@code @ApplicationModuleListener} would never be called. Keep listeners quick: they run on the caller's thread.
 */
public interface Holds {

	/** Claims the spot for the window with a TTL, atomically with the overlap and per-user limit checks. */
	HoldOutcome place(HoldRequest request);

	/** Frees the caller's hold; false when there is no such live hold of that user. */
	boolean release(UserId user, HoldId id);

	/** The hold if it is still live (not expired, released or converted). */
	Optional<Hold> find(HoldId id);
}
