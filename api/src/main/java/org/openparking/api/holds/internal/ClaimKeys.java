package org.openparking.api.holds.internal;

import org.openparking.api.holds.HoldId;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.UserId;

/**
 * The one place where the Redis keys of spot claims are built; the Lua scripts only receive them in KEYS.
 * <p>
 * Every key of a lot carries the hash tag {@code {lot:<lotId>}}, so all keys one script touches sit in one Redis
 * Cluster slot and a script stays atomic on a cluster too:
 * <ul>
 * <li>{@code park:{lot:L}:ready} marks that the lot's booking and session claims are loaded. Missing after a flush
 * or restart: the scripts answer NOT_READY, the lot is rebuilt from PostgreSQL through every {@code ClaimSource}
 * and the call is repeated.</li>
 * <li>{@code park:{lot:L}:claims:<spotId>} (ZSET) the claims of a spot: holds, bookings and sessions, scored by
 * their end in epoch ms; a member is {@code kind|id|fromMs|toMs|expiresAtMs|user} (kind H, B or S; expiresAtMs 0 for
 * bookings and sessions; the user last because it may contain '|'). Sessions without a latest allowed end claim up
 * to {@code LiveClaim.OPEN_END}. Expired holds are ignored by every script and removed lazily by the writing ones;
 * ended claims are trimmed when the spot is next claimed.</li>
 * <li>{@code park:{lot:L}:hold:<holdId>} (hash: spot, user, from, to, exp) a live hold; {@code PEXPIREAT} its
 * expiry, so a lookup never sees an expired hold.</li>
 * <li>{@code park:{lot:L}:user-holds:<userId>} (ZSET of hold ids by expiry) the user's active holds in this lot.
 * The anti-hoarding limit is therefore per user and lot: a global count would live in another slot and could not be
 * checked in the same atomic script.</li>
 * <li>{@code park:{lot:L}:hold-expiries} (ZSET by expiry, member {@code holdId|spotId|fromMs|toMs|user}) what the
 * sweeper pops to publish {@code HoldExpired}; popping is a ZREM inside a script, so each expiry is published once
 * however many nodes sweep.</li>
 * </ul>
 */
final class ClaimKeys {

	private ClaimKeys() {
	}

	static String ready(LotId lot) {
		return lotPrefix(lot) + "ready";
	}

	static String claims(LotId lot, SpotId spot) {
		return lotPrefix(lot) + "claims:" + spot.value();
	}

	static String hold(HoldId hold) {
		return lotPrefix(hold.lotId()) + "hold:" + hold.value();
	}

	static String userHolds(LotId lot, UserId user) {
		return lotPrefix(lot) + "user-holds:" + user.value();
	}

	static String holdExpiries(LotId lot) {
		return lotPrefix(lot) + "hold-expiries";
	}

	private static String lotPrefix(LotId lot) {
		return "park:{lot:" + lot.value() + "}:";
	}
}
