package org.openparking.api.availability.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openparking.api.availability.internal.SpotOffer;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotView;
import org.openparking.api.lots.LotViews;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** The spot and lot of every offer of a page, each in one lookup. */
@Controller
class SpotOfferController {

	private final LotViews views;

	SpotOfferController(LotViews views) {
		this.views = views;
	}

	@BatchMapping(typeName = "SpotOffer")
	Map<SpotOffer, SpotView> spot(List<SpotOffer> offers) {
		Map<SpotId, SpotView> spots = views.spots(offers.stream().map(offer -> new SpotId(offer.spotId())).toList());
		Map<SpotOffer, SpotView> result = new LinkedHashMap<>();
		for (SpotOffer offer : offers) {
			result.put(offer, spots.get(new SpotId(offer.spotId())));
		}
		return result;
	}

	/** The lot carries the offer's distance, as {@code Lot.distanceMeters} promises for queries with a point. */
	@BatchMapping(typeName = "SpotOffer")
	Map<SpotOffer, LotView> lot(List<SpotOffer> offers) {
		Map<LotId, LotView> lots = views.lots(offers.stream().map(offer -> new LotId(offer.lotId())).distinct().toList());
		Map<SpotOffer, LotView> result = new LinkedHashMap<>();
		for (SpotOffer offer : offers) {
			LotView lot = lots.get(new LotId(offer.lotId()));
			result.put(offer, lot == null ? null : withDistance(lot, offer.distanceMeters()));
		}
		return result;
	}

	private static LotView withDistance(LotView lot, Double distanceMeters) {
		return new LotView(lot.id(), lot.name(), lot.operatorId(), lot.address(), lot.location(), lot.timeZone(),
				lot.maxHeightCm(), distanceMeters);
	}
}
