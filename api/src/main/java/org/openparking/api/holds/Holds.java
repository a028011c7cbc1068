package org.openparking.api.holds;

import java.util.Optional;

import org.openparking.api.shared.UserId;

public interface Holds {

	/** Claims the spot for the window with a TTL, atomically with the overlap and per-user limit checks. */
	HoldOutcome place(HoldRequest request);

	/** Frees the caller's hold; false when there is no such live hold of that user. */
	boolean release(UserId user, HoldId id);

	/** The hold if it is still live (not expired, released or converted). */
	Optional<Hold> find(HoldId id);
}
