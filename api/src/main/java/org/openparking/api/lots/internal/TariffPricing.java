package org.openparking.api.lots.internal;

import java.util.Optional;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.Pricing;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.TariffView;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;
import org.springframework.stereotype.Service;

/** Prices from the cached tariffs: quotes and searches price many windows. */
@Service
class TariffPricing implements Pricing {

	private final LotSnapshots snapshots;

	TariffPricing(LotSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	@Override
	public Optional<Money> price(LotId lot, SpotClass spotClass, TimeWindow window) {
		return tariff(lot, spotClass).map(tariff -> TariffPrices.price(tariff, window.length()));
	}

	@Override
	public Optional<Money> hourlyRate(LotId lot, SpotClass spotClass) {
		return tariff(lot, spotClass).map(TariffView::hourlyRate);
	}

	@Override
	public Optional<TariffView> tariff(LotId lot, SpotClass spotClass) {
		return snapshots.of(lot).map(snapshot -> snapshot.tariffs().get(spotClass));
	}
}
