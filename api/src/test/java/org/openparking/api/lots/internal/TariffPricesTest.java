package org.openparking.api.lots.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.TariffView;
import org.openparking.api.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

class TariffPricesTest {

	/** 2.00/h, at most 20.00 per day, at least 1.00. */
	private static final TariffView CAPPED = tariff(200, 2000L, 100);

	@Test
	void exactlyOneHourCostsTheHourlyRate() {
		assertThat(price(CAPPED, Duration.ofHours(1))).isEqualTo(eur(200));
	}

	@Test
	void twentyFiveHoursCostOneCappedDayAndOneHour() {
		assertThat(price(CAPPED, Duration.ofHours(25))).isEqualTo(eur(2000 + 200));
	}

	@Test
	void aDayIsCappedWithinItsFirstPeriodToo() {
		assertThat(price(CAPPED, Duration.ofHours(11))).isEqualTo(eur(2000));
		assertThat(price(CAPPED, Duration.ofHours(48))).isEqualTo(eur(4000));
	}

	@Test
	void belowTheMinimumChargeCostsTheMinimum() {
		assertThat(price(CAPPED, Duration.ofMinutes(10))).isEqualTo(eur(100));
	}

	@Test
	void everyStartedMinuteIsBilledAndRoundedUpToTheMinorUnit() {
		TariffView noMinimum = tariff(200, null, 0);
		// 200 * 1 / 60 = 3.33 -> 4
		assertThat(price(noMinimum, Duration.ofSeconds(1))).isEqualTo(eur(4));
		assertThat(price(noMinimum, Duration.ofMinutes(1))).isEqualTo(eur(4));
		// 61 minutes: 200 * 61 / 60 = 203.33 -> 204
		assertThat(price(noMinimum, Duration.ofMinutes(60).plusSeconds(1))).isEqualTo(eur(204));
		assertThat(price(noMinimum, Duration.ofMinutes(60).plusNanos(1))).isEqualTo(eur(204));
	}

	@Test
	void withoutDailyMaximumEveryHourCounts() {
		assertThat(price(tariff(200, null, 100), Duration.ofHours(25))).isEqualTo(eur(5000));
	}

	@Test
	void aFreeTariffStillChargesTheMinimum() {
		assertThat(price(tariff(0, null, 50), Duration.ofHours(3))).isEqualTo(eur(50));
		assertThat(price(tariff(0, null, 0), Duration.ofHours(3))).isEqualTo(eur(0));
	}

	@Test
	void theCurrencyIsTheTariffs() {
		TariffView yen = new TariffView(SpotClass.STANDARD, new Money(500, "JPY"), null, Money.zero("JPY"));
		assertThat(price(yen, Duration.ofMinutes(90))).isEqualTo(new Money(750, "JPY"));
	}

	private static Money price(TariffView tariff, Duration length) {
		return TariffPrices.price(tariff, length);
	}

	private static TariffView tariff(long hourly, Long dailyMaximum, long minimum) {
		return new TariffView(SpotClass.STANDARD, eur(hourly), dailyMaximum == null ? null : eur(dailyMaximum),
				eur(minimum));
	}

	private static Money eur(long amountMinor) {
		return new Money(amountMinor, "EUR");
	}
}
