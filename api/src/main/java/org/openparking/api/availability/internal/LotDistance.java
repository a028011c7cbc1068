package org.openparking.api.availability.internal;

import org.openparking.api.lots.LotId;

/** A lot in the scope of a search; {@code meters} is 0 when the search named the lot instead of a point. */
public record LotDistance(LotId lot, double meters) {
}
