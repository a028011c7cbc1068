package org.openparking.api.lots;

import java.util.Optional;

import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;

/** Prices a window by the lot's tariff for a spot class: hourly rate, capped per day, at least the minimum charge. */
public interface Pricing {

	/** Empty when the lot has no tariff for that class. */
	Optional<Money> price(LotId lot, SpotClass spotClass, TimeWindow window);

	Optional<Money> hourlyRate(LotId lot, SpotClass spotClass);
}
