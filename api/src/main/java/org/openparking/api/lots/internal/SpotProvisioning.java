package org.openparking.api.lots.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openparking.api.lots.LotChanged;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotView;
import org.openparking.api.security.Caller;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds spots to one level of a lot; the lot stays locked until commit, so two calls cannot take the same code. */
@Service
class SpotProvisioning {

	private final OwnedLots ownedLots;

	private final Levels levels;

	private final Spots spots;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SpotProvisioning(OwnedLots ownedLots, Levels levels, Spots spots, ApplicationEventPublisher events, Clock clock) {
		this.ownedLots = ownedLots;
		this.levels = levels;
		this.spots = spots;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	List<SpotView> add(Caller caller, AddSpotsInput input) {
		Lot lot = ownedLots.lockForChange(caller, input.lotId());
		Level level = levels.findByLotIdAndCode(lot.getId(), input.levelCode())
			.orElseThrow(() -> new BusinessException(UserErrorCode.NOT_FOUND,
					"The lot has no level " + input.levelCode(), "input", "levelCode"));
		InputErrors errors = NewSpotRules.check(input.spots());
		NewSpotRules.checkNotTaken(input.spots(),
				spots.findTakenCodes(lot.getId(), input.spots().stream().map(SpotInput::code).toList()), errors);
		errors.throwIfAny();
		Instant now = clock.instant();
		List<Spot> added = spots.saveAll(input.spots()
			.stream()
			.map(spot -> new Spot(UUID.randomUUID(), lot.getId(), level.getId(), spot, now))
			.toList());
		events.publishEvent(new LotChanged(new LotId(lot.getId()), "SPOTS_ADDED", now));
		return added.stream().map(Spot::toView).toList();
	}
}
