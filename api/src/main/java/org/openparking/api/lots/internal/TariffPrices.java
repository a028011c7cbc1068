package org.openparking.api.lots.internal;

import java.time.Duration;

import org.openparking.api.lots.TariffView;
import org.openparking.api.shared.Money;

/**
 * The price rule of {@link org.openparking.api.lots.Pricing}. Billing per started minute, rounded up to the minor
 * unit, never charges a driver less than the time used, and the rounding happens once per 24-hour period so the
 * daily maximum is exact.
 */
final class TariffPrices {

	private static final long MINUTES_PER_PERIOD = Duration.ofDays(1).toMinutes();

	private TariffPrices() {
	}

	static Money price(TariffView tariff, Duration length) {
		long startedMinutes = startedMinutes(length);
		long fullPeriods = startedMinutes / MINUTES_PER_PERIOD;
		long lastPeriodMinutes = startedMinutes % MINUTES_PER_PERIOD;
		long amount = Math.addExact(Math.multiplyExact(fullPeriods, periodPrice(tariff, MINUTES_PER_PERIOD)),
				lastPeriodMinutes == 0 ? 0 : periodPrice(tariff, lastPeriodMinutes));
		return new Money(Math.max(amount, tariff.minimumCharge().amountMinor()), tariff.hourlyRate().currency());
	}

	private static long startedMinutes(Duration length) {
		long whole = length.toMinutes();
		return length.compareTo(Duration.ofMinutes(whole)) > 0 ? whole + 1 : whole;
	}

	private static long periodPrice(TariffView tariff, long minutes) {
		long prorated = Math.ceilDiv(Math.multiplyExact(tariff.hourlyRate().amountMinor(), minutes), 60);
		return tariff.dailyMaximum() == null ? prorated : Math.min(prorated, tariff.dailyMaximum().amountMinor());
	}
}
