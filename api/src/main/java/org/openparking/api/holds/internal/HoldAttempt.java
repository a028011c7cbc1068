package org.openparking.api.holds.internal;

import java.util.Optional;

import org.openparking.api.lots.SpotId;

/** What hold.lua decided: the spot held, or why not. */
record HoldAttempt(Result result, Optional<SpotId> spot) {

	enum Result {
		PLACED, HOLD_LIMIT_REACHED, SPOT_TAKEN, NO_SPOT_AVAILABLE
	}
}
