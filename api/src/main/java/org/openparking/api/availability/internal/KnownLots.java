package org.openparking.api.availability.internal;

import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.springframework.stereotype.Component;

/** A lot named in a query argument: malformed or unknown ids are BAD_REQUEST errors. */
@Component
public class KnownLots {

	private final LotCatalog catalog;

	KnownLots(LotCatalog catalog) {
		this.catalog = catalog;
	}

	public LotId require(String lotId) {
		LotId lot = LotId.parse(lotId);
		if (catalog.lot(lot).isEmpty()) {
			throw new InvalidArgumentException("No lot with id " + lot);
		}
		return lot;
	}
}
