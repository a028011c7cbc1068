package org.openparking.api.lots.internal;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.openparking.api.lots.LotChanged;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotStateChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Lot metadata in memory for the hot paths. Entries expire after a short TTL, because other API nodes change lots
 * without telling this one; this node's own changes evict at once, after their commit, so a reload never sees the
 * state before them. Misses are cached too (as empty), so unknown ids cannot hammer the database.
 */
@Component
class LotSnapshots {

	private final LoadingCache<LotId, Optional<LotSnapshot>> byLot;

	/** A spot never moves to another lot, so this only ever needs the TTL for ids that did not exist yet. */
	private final LoadingCache<SpotId, Optional<LotId>> lotOfSpot;

	LotSnapshots(LotSnapshotLoader loader, LotsProperties properties) {
		this.byLot = Caffeine.newBuilder()
			.expireAfterWrite(properties.catalogTtl())
			.maximumSize(properties.catalogMaximumLots())
			.build(loader::load);
		this.lotOfSpot = Caffeine.newBuilder()
			.expireAfterWrite(properties.catalogTtl())
			.maximumSize(properties.catalogMaximumLots() * 100)
			.build(loader::lotOf);
	}

	Optional<LotSnapshot> of(LotId id) {
		return byLot.get(id);
	}

	Optional<LotSnapshot> ofSpot(SpotId id) {
		return lotOfSpot.get(id).flatMap(this::of);
	}

	@TransactionalEventListener
	void on(LotChanged event) {
		byLot.invalidate(event.lotId());
	}

	@TransactionalEventListener
	void on(SpotStateChanged event) {
		byLot.invalidate(event.lotId());
	}
}
