package org.openparking.api.availability.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openparking.api.holds.CommercialState;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotView;
import org.openparking.api.lots.Pricing;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.graphql.Connection;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.openparking.api.shared.graphql.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Spots free for a whole window, cheapest first: ordered by price per hour, then distance, then lot, then spot code
 * (see {@link OfferKey}); cursors are keyset positions in that order.
 * <p>
 * One SQL statement finds the spots that bookings, sessions and administrative state leave free; live holds come
 * from Redis, asked about the spots of the page only (one call per lot in it, which also answers the offers'
 * commercial state): asking about a whole 500-spot lot
 * costs Redis thirty times more (see {@code bin/bench-search}). When holds remove rows, the next rows are fetched
 * after the last one seen, so a page is full whenever enough spots are free.
 */
@Service
public class SpotSearch {

	private final FreeSpots freeSpots;

	private final LotsNearby lotsNearby;

	private final KnownLots knownLots;

	private final SpotClaims claims;

	private final Pricing pricing;

	private final WindowRules windows;

	private final AvailabilityProperties properties;

	private final Clock clock;

	SpotSearch(FreeSpots freeSpots, LotsNearby lotsNearby, KnownLots knownLots, SpotClaims claims, Pricing pricing,
			WindowRules windows, AvailabilityProperties properties, Clock clock) {
		this.freeSpots = freeSpots;
		this.lotsNearby = lotsNearby;
		this.knownLots = knownLots;
		this.claims = claims;
		this.pricing = pricing;
		this.windows = windows;
		this.properties = properties;
		this.clock = clock;
	}

	public Connection<SpotOffer> search(SpotSearchQuery query, PageRequest page) {
		boolean byPoint = query.near() != null;
		List<LotDistance> lots = scope(query);
		TimeWindow window = windows.require(query.from(), query.to());
		Set<SpotClass> classes = query.spotClasses() == null || query.spotClasses().isEmpty()
				? EnumSet.allOf(SpotClass.class) : EnumSet.copyOf(query.spotClasses());
		long maxPrice = maxPricePerHour(query.maxPricePerHour());
		OfferKey after = page.after() == null ? null : OfferKey.parse(page.after());
		Map<FreeSpotRow, CommercialState> rows = lots.isEmpty() ? Map.of()
				: unheldRows(lots, window, classes, maxPrice, after, page.limit());
		return Connection.of(offers(rows, window, byPoint), page, offer -> offer.key().text());
	}

	private List<LotDistance> scope(SpotSearchQuery query) {
		if (query.lotId() != null) {
			if (query.near() != null || query.radiusMeters() != null) {
				throw new InvalidArgumentException("Give either lotId, or near with radiusMeters, not both");
			}
			return List.of(new LotDistance(knownLots.require(query.lotId()), 0));
		}
		if (query.near() == null) {
			throw new InvalidArgumentException("Give either lotId, or near with radiusMeters");
		}
		if (query.radiusMeters() == null) {
			throw new InvalidArgumentException("radiusMeters is required with near");
		}
		if (query.radiusMeters() < 1 || query.radiusMeters() > properties.maxRadiusMeters()) {
			throw new InvalidArgumentException("radiusMeters must be between 1 and " + properties.maxRadiusMeters());
		}
		double latitude = query.near().latitude();
		double longitude = query.near().longitude();
		if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
			throw new InvalidArgumentException("near must have a latitude in [-90, 90] and a longitude in [-180, 180]");
		}
		return lotsNearby.within(latitude, longitude, query.radiusMeters());
	}

	private static long maxPricePerHour(Integer maxPricePerHour) {
		if (maxPricePerHour == null) {
			return Long.MAX_VALUE;
		}
		if (maxPricePerHour < 0) {
			throw new InvalidArgumentException("maxPricePerHour must not be negative");
		}
		return maxPricePerHour;
	}

	private Map<FreeSpotRow, CommercialState> unheldRows(List<LotDistance> lots, TimeWindow window,
			Set<SpotClass> classes, long maxPrice, OfferKey after, int limit) {
		Instant now = clock.instant();
		Map<FreeSpotRow, CommercialState> kept = new LinkedHashMap<>();
		OfferKey position = after;
		while (true) {
			List<FreeSpotRow> rows = freeSpots.page(lots, window, classes, maxPrice, position, limit);
			Map<SpotId, CommercialState> unheld = unheld(rows, window, now);
			for (FreeSpotRow row : rows) {
				CommercialState state = unheld.get(new SpotId(row.spot().id()));
				if (kept.size() < limit && state != null) {
					kept.put(row, state);
				}
			}
			if (kept.size() == limit || rows.size() < limit) {
				return kept;
			}
			position = rows.getLast().key();
		}
	}

	/**
	 * One Redis call per lot in the rows, about the rows' spots only: which have no live claim during the window, and
	 * their commercial state now, which the offers show.
	 */
	private Map<SpotId, CommercialState> unheld(List<FreeSpotRow> rows, TimeWindow window, Instant now) {
		Map<LotId, List<SpotId>> spotsByLot = new LinkedHashMap<>();
		for (FreeSpotRow row : rows) {
			spotsByLot.computeIfAbsent(new LotId(row.spot().lotId()), lot -> new ArrayList<>())
				.add(new SpotId(row.spot().id()));
		}
		Map<SpotId, CommercialState> unheld = new HashMap<>();
		spotsByLot.forEach((lot, spots) -> unheld.putAll(claims.freeDuring(lot, spots, window, now)));
		return unheld;
	}

	/** Prices each (lot, class) once per page. */
	private List<SpotOffer> offers(Map<FreeSpotRow, CommercialState> rows, TimeWindow window, boolean byPoint) {
		Map<PriceKey, Optional<Money>> prices = new HashMap<>();
		List<SpotOffer> offers = new ArrayList<>(rows.size());
		for (Map.Entry<FreeSpotRow, CommercialState> entry : rows.entrySet()) {
			FreeSpotRow row = entry.getKey();
			PriceKey key = new PriceKey(new LotId(row.spot().lotId()), row.spot().spotClass());
			Optional<Money> price = prices.computeIfAbsent(key, k -> pricing.price(k.lot(), k.spotClass(), window));
			Double distance = byPoint ? row.distance() : null;
			// A tariff removed since the query ran: the spot cannot be priced, so it is not offered.
			price.ifPresent(total -> offers.add(new SpotOffer(row.spot(), withDistance(row.lot(), distance),
					new Money(row.hourlyRateMinor(), row.currency()), total, distance, row.key(), entry.getValue())));
		}
		return offers;
	}

	private static LotView withDistance(LotView lot, Double distanceMeters) {
		return new LotView(lot.id(), lot.name(), lot.operatorId(), lot.address(), lot.location(), lot.timeZone(),
				lot.maxHeightCm(), distanceMeters);
	}

	private record PriceKey(LotId lot, SpotClass spotClass) {
	}
}
