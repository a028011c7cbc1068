package org.openparking.api.lots;

import java.util.Optional;

import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;

/**
 * Prices a window by the lot's tariff for a spot class: hourly rate, capped per day, at least the minimum charge.
 * <p>
 * The rule: the window is cut into 24-hour periods from its start; each period is billed per started minute at the
 * hourly rate, rounded up to the minor unit, and costs at most the daily maximum; the total is at least the minimum
 * charge. The currency is the tariff's.
 */
public interface Pricing {

	/** Empty when the lot has no tariff for that class. */
	Optional<Money> price(LotId lot, SpotClass spotClass, TimeWindow window);

	Optional<Money> hourlyRate(LotId lot, SpotClass spotClass);

	/** The whole tariff, for quotes that show how a price came about; empty when there is none. */
	Optional<TariffView> tariff(LotId lot, SpotClass spotClass);
}
