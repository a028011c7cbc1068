package org.openparking.api.lots.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.lots.TariffView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class LotSnapshotLoader {

	private final Lots lots;

	private final OpeningPeriods openingPeriods;

	private final Spots spots;

	private final Tariffs tariffs;

	LotSnapshotLoader(Lots lots, OpeningPeriods openingPeriods, Spots spots, Tariffs tariffs) {
		this.lots = lots;
		this.openingPeriods = openingPeriods;
		this.spots = spots;
		this.tariffs = tariffs;
	}

	@Transactional(readOnly = true)
	Optional<LotSnapshot> load(LotId id) {
		return lots.findById(id.value()).map(lot -> {
			List<UUID> lotIds = List.of(id.value());
			List<SpotSummary> spotList = spots.findByLotIdInOrderByCode(lotIds).stream().map(Spot::toSummary).toList();
			return new LotSnapshot(lot.toSummary(),
					openingPeriods.findByLotIdInOrderByDayOfWeek(lotIds)
						.stream()
						.map(OpeningPeriod::toDailyHours)
						.collect(Collectors.toUnmodifiableMap(DailyHours::dayOfWeek, Function.identity())),
					spotList,
					spotList.stream().collect(Collectors.toUnmodifiableMap(SpotSummary::id, Function.identity())),
					tariffs.findByLotIdIn(lotIds)
						.stream()
						.map(Tariff::toView)
						.collect(Collectors.toUnmodifiableMap(TariffView::spotClass, Function.identity())));
		});
	}

	Optional<LotId> lotOf(SpotId spot) {
		return spots.findLotIdById(spot.value()).map(LotId::new);
	}
}
