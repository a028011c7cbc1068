package org.openparking.api.lots.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openparking.api.lots.LotChanged;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.TariffView;
import org.openparking.api.security.Caller;
import org.openparking.api.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets (creates or replaces) the tariff of one spot class in a lot. */
@Service
class TariffSetting {

	private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.collect(Collectors.toUnmodifiableSet());

	private final OwnedLots ownedLots;

	private final Tariffs tariffs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TariffSetting(OwnedLots ownedLots, Tariffs tariffs, ApplicationEventPublisher events, Clock clock) {
		this.ownedLots = ownedLots;
		this.tariffs = tariffs;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	TariffView set(Caller caller, SetTariffInput input) {
		Lot lot = ownedLots.lockForChange(caller, input.lotId());
		check(input);
		String currency = input.currency();
		long minimum = input.minimumChargeMinor() == null ? 0 : input.minimumChargeMinor();
		TariffView wanted = new TariffView(input.spotClass(), new Money(input.hourlyRateMinor(), currency),
				input.dailyMaximumMinor() == null ? null : new Money(input.dailyMaximumMinor(), currency),
				new Money(minimum, currency));
		Instant now = clock.instant();
		Tariff tariff = tariffs.findByLotIdAndSpotClass(lot.getId(), input.spotClass())
			.orElseGet(() -> new Tariff(UUID.randomUUID(), lot.getId(), input.spotClass()));
		tariff.set(wanted, now);
		tariffs.save(tariff);
		events.publishEvent(new LotChanged(new LotId(lot.getId()), "TARIFF_SET", now));
		return tariff.toView();
	}

	private static void check(SetTariffInput input) {
		new InputErrors()
			.checkInput(input.currency() != null && CURRENCIES.contains(input.currency()),
					"currency must be an ISO-4217 code such as EUR", "currency")
			.checkInput(input.hourlyRateMinor() >= 0, "hourlyRateMinor must not be negative", "hourlyRateMinor")
			.checkInput(input.dailyMaximumMinor() == null || input.dailyMaximumMinor() >= 0,
					"dailyMaximumMinor must not be negative", "dailyMaximumMinor")
			.checkInput(input.minimumChargeMinor() == null || input.minimumChargeMinor() >= 0,
					"minimumChargeMinor must not be negative", "minimumChargeMinor")
			.throwIfAny();
	}
}
