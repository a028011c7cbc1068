package org.openparking.api.availability.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLContext;

import org.openparking.api.availability.internal.SpotOffer;
import org.openparking.api.holds.CommercialState;

/**
 * Commercial states a request has already read, by spot id: a search reads its offers' states with their holds, so
 * {@code Spot.commercialState} need not ask Redis again for those spots. Kept in the request's GraphQL context.
 */
final class KnownCommercialStates {

	private static final String KEY = KnownCommercialStates.class.getName();

	private KnownCommercialStates() {
	}

	static void remember(GraphQLContext context, List<SpotOffer> offers) {
		Map<UUID, CommercialState> known = context.computeIfAbsent(KEY, key -> new HashMap<UUID, CommercialState>());
		synchronized (known) {
			offers.forEach(offer -> known.put(offer.spot().id(), offer.commercialState()));
		}
	}

	static Map<UUID, CommercialState> in(GraphQLContext context) {
		Map<UUID, CommercialState> known = context.get(KEY);
		if (known == null) {
			return Map.of();
		}
		synchronized (known) {
			return Map.copyOf(known);
		}
	}
}
