package org.openparking.api.lots.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotView;
import org.openparking.api.lots.LotViews;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotView;
import org.openparking.api.lots.TariffView;
import org.springframework.stereotype.Service;

/**
 * Views for GraphQL, one query per batch whatever its size. Read from PostgreSQL rather than the catalog cache, so an
 * operator sees a change as soon as it is made, on every node.
 */
@Service
class LotReads implements LotViews {

	private final Lots lots;

	private final OpeningPeriods openingPeriods;

	private final Levels levels;

	private final Spots spots;

	private final Tariffs tariffs;

	LotReads(Lots lots, OpeningPeriods openingPeriods, Levels levels, Spots spots, Tariffs tariffs) {
		this.lots = lots;
		this.openingPeriods = openingPeriods;
		this.levels = levels;
		this.spots = spots;
		this.tariffs = tariffs;
	}

	@Override
	public Map<LotId, LotView> lots(Collection<LotId> ids) {
		return lotsById(ids.stream().map(LotId::value).toList()).values()
			.stream()
			.collect(Collectors.toMap(lot -> new LotId(lot.id()), Function.identity()));
	}

	@Override
	public Map<SpotId, SpotView> spots(Collection<SpotId> ids) {
		return spots.findByIdIn(ids.stream().map(SpotId::value).toList())
			.stream()
			.map(Spot::toView)
			.collect(Collectors.toMap(spot -> new SpotId(spot.id()), Function.identity()));
	}

	Map<UUID, LotView> lotsById(Collection<UUID> ids) {
		return lots.findByIdIn(ids)
			.stream()
			.map(lot -> lot.toView(null))
			.collect(Collectors.toMap(LotView::id, Function.identity()));
	}

	Map<UUID, List<OpeningHoursView>> openingHoursByLot(Collection<UUID> lotIds) {
		return openingPeriods.findByLotIdInOrderByDayOfWeek(lotIds)
			.stream()
			.collect(Collectors.groupingBy(OpeningPeriod::lotId,
					Collectors.mapping(period -> period.toDailyHours().toView(), Collectors.toList())));
	}

	Map<UUID, List<LevelView>> levelsByLot(Collection<UUID> lotIds) {
		return levels.findByLotIdInOrderByOrdinalAscCodeAsc(lotIds)
			.stream()
			.map(Level::toView)
			.collect(Collectors.groupingBy(LevelView::lotId));
	}

	Map<UUID, LevelView> levelsById(Collection<UUID> ids) {
		return levels.findByIdIn(ids).stream().map(Level::toView).collect(Collectors.toMap(LevelView::id, Function.identity()));
	}

	/** In the order of the {@code SpotClass} enum, the order clients list classes in. */
	Map<UUID, List<TariffView>> tariffsByLot(Collection<UUID> lotIds) {
		return tariffs.findByLotIdIn(lotIds)
			.stream()
			.sorted(Comparator.comparing(Tariff::spotClass))
			.collect(Collectors.groupingBy(Tariff::lotId, Collectors.mapping(Tariff::toView, Collectors.toList())));
	}

	Map<UUID, List<SpotView>> spotsByLevel(Collection<UUID> levelIds) {
		return spots.findByLevelIdInOrderByCode(levelIds)
			.stream()
			.map(Spot::toView)
			.collect(Collectors.groupingBy(SpotView::levelId));
	}
}
