package org.openparking.api.availability.internal;

import java.util.UUID;

import org.openparking.api.shared.Money;

/**
 * The source of the GraphQL {@code SpotOffer}; {@code spot} and {@code lot} are resolved in batches from the ids.
 * {@code distanceMeters} is set only by radius searches.
 */
public record SpotOffer(UUID spotId, UUID lotId, Money pricePerHour, Money price, Double distanceMeters,
		OfferKey key) {
}
