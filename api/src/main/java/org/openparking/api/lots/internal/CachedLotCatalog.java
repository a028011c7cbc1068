package org.openparking.api.lots.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotSummary;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.springframework.stereotype.Service;

@Service
class CachedLotCatalog implements LotCatalog {

	private final LotSnapshots snapshots;

	private final Lots lots;

	CachedLotCatalog(LotSnapshots snapshots, Lots lots) {
		this.snapshots = snapshots;
		this.lots = lots;
	}

	@Override
	public Optional<LotSummary> lot(LotId id) {
		return snapshots.of(id).map(LotSnapshot::lot);
	}

	@Override
	public Optional<SpotSummary> spot(SpotId id) {
		return snapshots.ofSpot(id).map(snapshot -> snapshot.spotsById().get(id));
	}

	@Override
	public Optional<SpotSummary> spot(LotId lot, SpotId id) {
		return snapshots.of(lot).map(snapshot -> snapshot.spotsById().get(id));
	}

	@Override
	public List<SpotSummary> spots(LotId id) {
		return snapshots.of(id).map(LotSnapshot::spots).orElse(List.of());
	}

	/** An unknown lot is never open. */
	@Override
	public boolean isOpenAt(LotId id, Instant instant) {
		return snapshots.of(id).map(snapshot -> snapshot.isOpenAt(instant)).orElse(false);
	}

	/** Not cached: sweeping jobs call it rarely and must see new lots at once. */
	@Override
	public List<LotId> allLotIds() {
		return lots.findAllIds().stream().map(LotId::new).toList();
	}
}
