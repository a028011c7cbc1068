package org.openparking.api.availability.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import graphql.GraphQLContext;

import org.openparking.api.holds.CommercialState;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Spot.commercialState} wherever a spot appears in the schema: one Redis call per lot among the spots of the
 * response, whatever the number of spots, leaving out the spots whose state the request has read already (a search's
 * offers, see {@link KnownCommercialStates}).
 */
@Controller
class CommercialStateController {

	private final SpotClaims claims;

	private final Clock clock;

	CommercialStateController(SpotClaims claims, Clock clock) {
		this.claims = claims;
		this.clock = clock;
	}

	@BatchMapping(typeName = "Spot")
	Map<SpotView, CommercialState> commercialState(List<SpotView> spots, GraphQLContext context) {
		Instant now = clock.instant();
		Map<UUID, CommercialState> known = KnownCommercialStates.in(context);
		Map<UUID, List<SpotView>> byLot = spots.stream()
			.filter(spot -> !known.containsKey(spot.id()))
			.collect(Collectors.groupingBy(SpotView::lotId, LinkedHashMap::new, Collectors.toList()));
		Map<SpotId, CommercialState> states = new HashMap<>();
		known.forEach((spot, state) -> states.put(new SpotId(spot), state));
		byLot.forEach((lot, lotSpots) -> states.putAll(claims.statesAt(new LotId(lot),
				lotSpots.stream().map(spot -> new SpotId(spot.id())).toList(), now)));
		Map<SpotView, CommercialState> result = new LinkedHashMap<>();
		for (SpotView spot : spots) {
			result.put(spot, states.getOrDefault(new SpotId(spot.id()), CommercialState.FREE));
		}
		return result;
	}
}
