package org.openparking.api.lots;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Read access to lots and spots for the other modules. Backed by a cache that lot and spot events keep fresh, so the
 * hot paths (holds, sessions) do not touch PostgreSQL for metadata.
 */
public interface LotCatalog {

	Optional<LotSummary> lot(LotId id);

	Optional<SpotSummary> spot(SpotId id);

	/** The spot of a lot the caller knows already: no lookup of the spot's lot. */
	Optional<SpotSummary> spot(LotId lot, SpotId id);

	/** Every spot of the lot, ordered by code. */
	List<SpotSummary> spots(LotId id);

	/** Whether the lot's opening hours (in its time zone) include this instant; no hours means always open. */
	boolean isOpenAt(LotId id, Instant instant);

	/** Every lot id: for jobs that sweep per lot (hold expiry, Redis rebuild). */
	List<LotId> allLotIds();
}
