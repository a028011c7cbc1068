package org.openparking.api.holds.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.openparking.api.holds.Hold;
import org.openparking.api.holds.HoldId;
import org.openparking.api.holds.HoldOutcome;
import org.openparking.api.holds.HoldPlaced;
import org.openparking.api.holds.HoldReleased;
import org.openparking.api.holds.HoldRequest;
import org.openparking.api.holds.Holds;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserError;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Holds in Redis: spot metadata from the {@link LotCatalog} cache, then one Lua script. No PostgreSQL, no
 * transaction: the events are published right after the script (see {@link Holds}).
 */
@Service
class RedisHolds implements Holds {

	private final LotClaimStore store;

	private final ReadyLots readyLots;

	private final LotCatalog catalog;

	private final HoldWindowRules rules;

	private final HoldsProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RedisHolds(LotClaimStore store, ReadyLots readyLots, LotCatalog catalog, HoldWindowRules rules,
			HoldsProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.readyLots = readyLots;
		this.catalog = catalog;
		this.rules = rules;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public HoldOutcome place(HoldRequest request) {
		Instant now = clock.instant();
		// Redis keeps milliseconds: the hold returned now must equal the one found later.
		TimeWindow window = new TimeWindow(request.window().from().truncatedTo(ChronoUnit.MILLIS),
				request.window().to().truncatedTo(ChronoUnit.MILLIS));
		try {
			rules.check(window, now);
			Candidates candidates = candidatesFor(request, window.from());
			HoldId id = HoldId.newIn(candidates.lot());
			Instant expiresAt = now.plus(properties.ttl());
			HoldAttempt attempt = readyLots.run(candidates.lot(), () -> store.hold(id, request.user(),
					candidates.spots(), candidates.named(), window, now, expiresAt, properties.maxActivePerUser()));
			return switch (attempt.result()) {
				case PLACED -> placed(new Hold(id, attempt.spot().orElseThrow(), request.user(), window, expiresAt),
						now);
				case HOLD_LIMIT_REACHED -> refused(UserErrorCode.HOLD_LIMIT_REACHED,
						"You already hold " + properties.maxActivePerUser()
								+ " spots in this lot; release one or let it expire");
				case SPOT_TAKEN -> refused(UserErrorCode.SPOT_TAKEN,
						"The spot is already claimed during part of this window", "input", "spotId");
				case NO_SPOT_AVAILABLE -> refused(UserErrorCode.NO_SPOT_AVAILABLE,
						"No spot of this class is free for the whole window", "input", "spotClass");
			};
		}
		catch (BusinessException ex) {
			return new HoldOutcome.Refused(ex.error());
		}
	}

	private Candidates candidatesFor(HoldRequest request, Instant from) {
		if (request.spot().isPresent()) {
			SpotSummary spot = namedSpot(request);
			requireLotOpen(spot.lotId(), from);
			if (!spot.isOpen()) {
				throw new BusinessException(UserErrorCode.SPOT_CLOSED, "The spot is " + spot.state(), "input",
						"spotId");
			}
			return new Candidates(spot.lotId(), List.of(spot.id()), true);
		}
		if (request.lot() == null || request.spotClass() == null) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT, "Give a spotId, or a lotId and a spotClass",
					"input");
		}
		requireLotOpen(request.lot(), from);
		List<SpotId> spots = catalog.spots(request.lot())
			.stream()
			.filter(spot -> spot.spotClass() == request.spotClass() && spot.isOpen())
			.map(SpotSummary::id)
			.toList();
		if (spots.isEmpty()) {
			throw new BusinessException(UserErrorCode.NO_SPOT_AVAILABLE,
					"The lot has no open spot of class " + request.spotClass(), "input", "spotClass");
		}
		return new Candidates(request.lot(), spots, false);
	}

	private SpotSummary namedSpot(HoldRequest request) {
		SpotSummary spot = catalog.spot(request.spot().get())
			.orElseThrow(() -> new BusinessException(UserErrorCode.NOT_FOUND, "No such spot", "input", "spotId"));
		if (request.lot() != null && !request.lot().equals(spot.lotId())) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT, "The spot is not in this lot", "input", "spotId");
		}
		if (request.spotClass() != null && request.spotClass() != spot.spotClass()) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT, "The spot is of class " + spot.spotClass(),
					"input", "spotClass");
		}
		return spot;
	}

	private void requireLotOpen(LotId lot, Instant from) {
		if (catalog.lot(lot).isEmpty()) {
			throw new BusinessException(UserErrorCode.NOT_FOUND, "No such lot", "input", "lotId");
		}
		if (!catalog.isOpenAt(lot, from)) {
			throw new BusinessException(UserErrorCode.LOT_CLOSED, "The lot is closed at the start of the window",
					"input", "from");
		}
	}

	private HoldOutcome placed(Hold hold, Instant now) {
		events.publishEvent(new HoldPlaced(hold, now));
		return new HoldOutcome.Placed(hold);
	}

	private static HoldOutcome refused(UserErrorCode code, String message, String... field) {
		return new HoldOutcome.Refused(UserError.of(code, message, field));
	}

	@Override
	public boolean release(UserId user, HoldId id) {
		Instant now = clock.instant();
		Optional<Hold> hold = store.findHold(id, now).filter(found -> found.userId().equals(user));
		if (hold.isEmpty() || !store.releaseHold(hold.get(), now)) {
			return false;
		}
		events.publishEvent(new HoldReleased(hold.get(), false, now));
		return true;
	}

	@Override
	public Optional<Hold> find(HoldId id) {
		return store.findHold(id, clock.instant());
	}

	private record Candidates(LotId lot, List<SpotId> spots, boolean named) {
	}
}
