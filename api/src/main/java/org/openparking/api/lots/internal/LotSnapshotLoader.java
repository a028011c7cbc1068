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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class LotSnapshotLoader {

	private final Lots lots;

	private final OpeningPeriods openingPeriods;

	private final Spots spots;

	private final Tariffs tariffs;

	private final JdbcClient jdbc;

	LotSnapshotLoader(Lots lots, OpeningPeriods openingPeriods, Spots spots, Tariffs tariffs, JdbcClient jdbc) {
		this.lots = lots;
		this.openingPeriods = openingPeriods;
		this.spots = spots;
		this.tariffs = tariffs;
		this.jdbc = jdbc;
	}

	/** A lot's snapshot, or none, as of its catalog's version. */
	record Versioned(long version, Optional<LotSnapshot> snapshot) {
	}

	/**
	 * The version first: a change committed between it and the rows shows in both, or only in the rows, and then the
	 * next look finds a newer version and loads again. Never rows older than the version.
	 */
	@Transactional(readOnly = true)
	Versioned load(LotId id) {
		return new Versioned(catalogVersion(id), snapshot(id));
	}

	/** Bumped by V150's triggers on every change of the lot, its opening hours, spots or tariffs; 0 before any. */
	long catalogVersion(LotId id) {
		return jdbc.sql("select version from lot_catalog_version where lot_id = ?")
			.param(id.value())
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	private Optional<LotSnapshot> snapshot(LotId id) {
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
