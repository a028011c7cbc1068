package org.openparking.api.availability.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import graphql.GraphQLContext;

import org.openparking.api.availability.ClassAvailability;
import org.openparking.api.availability.LotAvailability;
import org.openparking.api.availability.SpotAvailability;
import org.openparking.api.availability.internal.KnownLots;
import org.openparking.api.availability.internal.QuoteResult;
import org.openparking.api.availability.internal.Quotes;
import org.openparking.api.availability.internal.SpotOffer;
import org.openparking.api.availability.internal.SpotSearch;
import org.openparking.api.availability.internal.SpotSearchQuery;
import org.openparking.api.availability.internal.WindowRules;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.shared.graphql.Connection;
import org.openparking.api.shared.graphql.Edge;
import org.openparking.api.shared.graphql.PageRequest;
import org.openparking.api.shared.graphql.PagingProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Open to anonymous callers: finding and pricing spots needs no account. */
@Controller
class SearchController {

	private final SpotSearch search;

	private final SpotAvailability availability;

	private final Quotes quotes;

	private final KnownLots knownLots;

	private final WindowRules windows;

	private final PagingProperties paging;

	SearchController(SpotSearch search, SpotAvailability availability, Quotes quotes, KnownLots knownLots,
			WindowRules windows, PagingProperties paging) {
		this.search = search;
		this.availability = availability;
		this.quotes = quotes;
		this.knownLots = knownLots;
		this.windows = windows;
		this.paging = paging;
	}

	@QueryMapping
	Connection<SpotOffer> searchSpots(@Argument SpotSearchInput input, @Argument Integer first,
			@Argument String after, GraphQLContext context) {
		Connection<SpotOffer> offers = search.search(input.toQuery(), PageRequest.of(first, after, paging));
		KnownCommercialStates.remember(context, offers.edges().stream().map(Edge::node).toList());
		return offers;
	}

	@QueryMapping
	AvailabilityView availability(@Argument String lotId, @Argument Instant from, @Argument Instant to) {
		LotId lot = knownLots.require(lotId);
		LotAvailability counts = availability.during(lot, windows.require(from, to));
		return new AvailabilityView(lot.value(), from, to, counts.totalFree(), counts.byClass());
	}

	@QueryMapping
	QuoteResult quote(@Argument QuoteInput input) {
		return quotes.quote(input.lotId(), input.spotClass(), input.from(), input.to());
	}

	record SpotSearchInput(String lotId, GeoPointInput near, Integer radiusMeters, Instant from, Instant to,
			List<SpotClass> spotClasses, Integer maxPricePerHour) {

		SpotSearchQuery toQuery() {
			return new SpotSearchQuery(lotId,
					near == null ? null : new SpotSearchQuery.Point(near.latitude(), near.longitude()), radiusMeters,
					from, to, spotClasses, maxPricePerHour);
		}
	}

	record GeoPointInput(double latitude, double longitude) {
	}

	record QuoteInput(String lotId, SpotClass spotClass, Instant from, Instant to) {
	}

	record AvailabilityView(UUID lotId, Instant from, Instant to, int totalFree, List<ClassAvailability> byClass) {
	}
}
