package org.openparking.api.lots.internal;

import java.time.Clock;
import java.time.Instant;

import org.openparking.api.lots.AdministrativeState;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotStateChanged;
import org.openparking.api.lots.SpotView;
import org.openparking.api.security.Caller;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, closes or takes a spot out of service; closing needs a reason that drivers and staff can see. */
@Service
class SpotStates {

	private final Spots spots;

	private final OwnedLots ownedLots;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SpotStates(Spots spots, OwnedLots ownedLots, ApplicationEventPublisher events, Clock clock) {
		this.spots = spots;
		this.ownedLots = ownedLots;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	SpotView change(Caller caller, SetSpotStateInput input) {
		Spot spot = spots.findForUpdate(InputErrors.parseId(input.spotId(), "spotId"))
			.orElseThrow(() -> new BusinessException(UserErrorCode.NOT_FOUND, "No spot " + input.spotId(), "input",
					"spotId"));
		ownedLots.requireOwner(caller, spot.lotId());
		boolean needsReason = input.state() != AdministrativeState.OPEN;
		new InputErrors()
			.checkInput(!needsReason || (input.reason() != null && !input.reason().isBlank()),
					"A reason is required to close a spot or take it out of service", "reason")
			.checkOptionalText(input.reason(), "reason", "reason")
			.throwIfAny();
		Instant now = clock.instant();
		spot.changeState(input.state(), input.reason(), now);
		events.publishEvent(new SpotStateChanged(new LotId(spot.lotId()), new SpotId(spot.getId()), input.state(),
				needsReason ? input.reason() : null, now));
		return spot.toView();
	}
}
