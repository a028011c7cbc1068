package org.openparking.api.holds.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openparking.api.holds.ClaimKind;
import org.openparking.api.holds.CommercialState;
import org.openparking.api.holds.Hold;
import org.openparking.api.holds.HoldId;
import org.openparking.api.holds.HoldReleased;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

@Service
class RedisSpotClaims implements SpotClaims {

	private final LotClaimStore store;

	private final ReadyLots readyLots;

	private final LotCatalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RedisSpotClaims(LotClaimStore store, ReadyLots readyLots, LotCatalog catalog, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.readyLots = readyLots;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Optional<Hold> convertHoldToBooking(HoldId id, UserId user, UUID bookingId) {
		Instant now = clock.instant();
		Optional<Hold> hold = store.findHold(id, now)
			.filter(found -> found.userId().equals(user) && store.convertHold(found, bookingId, now));
		hold.ifPresent(converted -> events.publishEvent(new HoldReleased(converted, true, now)));
		return hold;
	}

	@Override
	public boolean extendBooking(LotId lot, SpotId spot, UUID bookingId, TimeWindow current, TimeWindow extended) {
		Instant now = clock.instant();
		return readyLots.run(lot, () -> store.extendBooking(lot, spot, bookingId, current, extended, now));
	}

	@Override
	public void releaseBooking(LotId lot, SpotId spot, UUID bookingId) {
		store.releaseClaim(lot, spot, ClaimKind.BOOKING, bookingId);
	}

	@Override
	public Optional<SessionClaim> claimForSession(LotId lot, Optional<SpotId> spot, SpotClass spotClass,
			UUID sessionId, UserId user, Instant now) {
		List<SpotId> candidates = catalog.spots(lot)
			.stream()
			.filter(SpotSummary::isOpen)
			.filter(candidate -> spot.map(candidate.id()::equals).orElse(candidate.spotClass() == spotClass))
			.map(SpotSummary::id)
			.toList();
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		return readyLots.run(lot, () -> store.claimForSession(lot, candidates, sessionId, user, now));
	}

	@Override
	public void releaseSession(LotId lot, SpotId spot, UUID sessionId) {
		store.releaseClaim(lot, spot, ClaimKind.SESSION, sessionId);
	}

	@Override
	public Map<SpotId, Instant> blockOccupied(LotId lot, Collection<SpotId> spots, Instant until) {
		if (spots.isEmpty()) {
			return Map.of();
		}
		Instant now = clock.instant();
		List<SpotId> ordered = List.copyOf(spots);
		return readyLots.run(lot, () -> store.blockOccupied(lot, ordered, now, until));
	}

	@Override
	public void unblockOccupied(LotId lot, Collection<SpotId> spots) {
		if (!spots.isEmpty()) {
			store.unblockOccupied(lot, List.copyOf(spots));
		}
	}

	@Override
	public Set<SpotId> claimedDuring(LotId lot, TimeWindow window, Instant now) {
		return claimedDuring(lot, catalog.spots(lot).stream().map(SpotSummary::id).toList(), window, now);
	}

	@Override
	public Set<SpotId> claimedDuring(LotId lot, Collection<SpotId> spots, TimeWindow window, Instant now) {
		if (spots.isEmpty()) {
			return Set.of();
		}
		List<SpotId> ordered = List.copyOf(spots);
		return readyLots.run(lot, () -> store.claimedDuring(lot, ordered, window, now));
	}

	@Override
	public Map<SpotId, CommercialState> freeDuring(LotId lot, Collection<SpotId> spots, TimeWindow window,
			Instant now) {
		if (spots.isEmpty()) {
			return Map.of();
		}
		List<SpotId> ordered = List.copyOf(spots);
		return readyLots.run(lot, () -> store.freeDuring(lot, ordered, window, now));
	}

	@Override
	public Map<SpotId, CommercialState> statesAt(LotId lot, Collection<SpotId> spots, Instant now) {
		if (spots.isEmpty()) {
			return Map.of();
		}
		List<SpotId> ordered = List.copyOf(spots);
		return readyLots.run(lot, () -> store.statesAt(lot, ordered, now));
	}
}
