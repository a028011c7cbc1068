package org.openparking.api.availability.internal;

import org.openparking.api.lots.LotView;
import org.openparking.api.lots.SpotView;
import org.openparking.api.shared.Money;

/**
 * The source of the GraphQL {@code SpotOffer}, read whole by the search statement. {@code distanceMeters} (also on
 * the lot, as {@code Lot.distanceMeters} promises) is set only by radius searches.
 */
public record SpotOffer(SpotView spot, LotView lot, Money pricePerHour, Money price, Double distanceMeters,
		OfferKey key) {
}
