package org.openparking.api.holds;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;

/**
 * The claims of bookings and sessions in Redis. Callers write PostgreSQL first where it is the guard (bookings,
 * sessions) and keep these claims in step, so holds see every booking and session at Redis speed.
 */
public interface SpotClaims {

	/** Replaces the user's live hold by a booking claim for the same window; empty when the hold is gone. */
	Optional<Hold> convertHoldToBooking(HoldId hold, UserId user, UUID bookingId);

	/** Moves a booking claim's end; false when another claim overlaps the extension. */
	boolean extendBooking(LotId lot, SpotId spot, UUID bookingId, TimeWindow current, TimeWindow extended);

	void releaseBooking(LotId lot, SpotId spot, UUID bookingId);

	/**
	 * Claims a spot that is free now for a walk-in session: the named one, or the open spot of the class with the
	 * longest free horizon. Empty when none is free.
	 */
	Optional<SessionClaim> claimForSession(LotId lot, Optional<SpotId> spot, SpotClass spotClass, UUID sessionId,
			UserId user, Instant now);

	void releaseSession(LotId lot, SpotId spot, UUID sessionId);

	/**
	 * Makes spots of the lot unavailable from now until {@code until} (or the start of each one's next claim), because
	 * a car stands on each that no hold, booking or session accounts for: holds, walk-in sessions, search and
	 * availability counts then skip them, while their commercial state stays FREE. A repeated call replaces a block,
	 * so the caller renews it as long as the car stays; it lapses by itself otherwise. A rebuild of the lot's claims
	 * drops it until renewed. One Redis round trip for any number of spots.
	 * @return the end of each block; a spot left out has a live claim covering now (nothing to block)
	 */
	Map<SpotId, Instant> blockOccupied(LotId lot, Collection<SpotId> spots, Instant until);

	/** Lifts {@link #blockOccupied} of the spots, in one round trip; a spot that is not blocked stays as it is. */
	void unblockOccupied(LotId lot, Collection<SpotId> spots);

	/** Spots of the lot with any live claim (hold, booking or session) overlapping the window. */
	Set<SpotId> claimedDuring(LotId lot, TimeWindow window, Instant now);

	/**
	 * Those of the given spots of the lot with any live claim overlapping the window. Cheaper than asking about the
	 * whole lot when only a few spots matter (a page of search results): the script reads one key per spot.
	 */
	Set<SpotId> claimedDuring(LotId lot, Collection<SpotId> spots, TimeWindow window, Instant now);

	/**
	 * Those of the given spots of the lot with no live claim overlapping the window, each with its commercial state
	 * at {@code now}: what a page of search results shows, in one Redis call.
	 */
	Map<SpotId, CommercialState> freeDuring(LotId lot, Collection<SpotId> spots, TimeWindow window, Instant now);

	/** The commercial state of each spot at {@code now}. */
	Map<SpotId, CommercialState> statesAt(LotId lot, Collection<SpotId> spots, Instant now);

	/** The claimed spot and the start of its next booking, by which the car must have left (empty: none). */
	record SessionClaim(SpotId spotId, Optional<Instant> latestAllowedEnd) {
	}
}
