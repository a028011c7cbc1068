package org.openparking.api.holds.internal;

import org.openparking.api.lots.LotId;

/** A script found the lot's claims not loaded (Redis flushed or restarted): rebuild them and try again. */
final class LotNotReady extends RuntimeException {

	LotNotReady(LotId lot) {
		super("Claims of lot " + lot + " are not loaded in Redis", null, false, false);
	}
}
