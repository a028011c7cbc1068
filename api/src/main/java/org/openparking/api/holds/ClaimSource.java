package org.openparking.api.holds;

import java.time.Instant;
import java.util.List;

import org.openparking.api.lots.LotId;

/** Implemented by the modules that own claims in PostgreSQL, so Redis can be rebuilt after a flush or restart. */
public interface ClaimSource {

	/** Claims of the lot that have not ended by {@code now}. */
	List<LiveClaim> liveClaims(LotId lot, Instant now);
}
