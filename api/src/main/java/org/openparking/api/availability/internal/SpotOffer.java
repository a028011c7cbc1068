package org.openparking.api.availability.internal;

import org.openparking.api.holds.CommercialState;
import org.openparking.api.lots.LotView;
import org.openparking.api.lots.SpotView;
import org.openparking.api.shared.Money;

/**
 * The source of the GraphQL {@code SpotOffer}, read whole by the search statement. {@code distanceMeters} (also on
 * the lot, as {@code Lot.distanceMeters} promises) is set only by radius searches. {@code commercialState} is the
 * spot's state at the time of the search, read with its holds.
 */
public record SpotOffer(SpotView spot, LotView lot, Money pricePerHour, Money price, Double distanceMeters,
		OfferKey key, CommercialState commercialState) {
}
