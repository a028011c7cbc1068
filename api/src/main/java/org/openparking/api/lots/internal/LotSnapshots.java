package org.openparking.api.lots.internal;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
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
 * <p>
 * A lot in use is looked at again in the background after half the TTL, while requests keep reading the entry they
 * have: with expiry alone, every TTL all requests of a busy lot waited for its reload (a p99 spike in bin/bench-holds),
 * and entries still never outlive the TTL unconfirmed. The look reads the version of the lot's catalog and reloads only
 * when it moved: reloading anyway cost a 2,000-spot lot 2,000 entities every 2.5 s on every node
 * (bin/bench-gateway --through-api).
 */
@Component
class LotSnapshots {

	/** Caffeine's longest expiry (about 150 years), i.e. until evicted by size. */
	private static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE >> 1);

	private final LoadingCache<LotId, LotSnapshotLoader.Versioned> byLot;

	/** A spot never moves to another lot, so this only ever needs the TTL for ids that did not exist yet. */
	private final LoadingCache<SpotId, Optional<LotId>> lotOfSpot;

	LotSnapshots(LotSnapshotLoader loader, LotsProperties properties) {
		this.byLot = Caffeine.newBuilder()
			.refreshAfterWrite(properties.catalogTtl().dividedBy(2))
			.expireAfterWrite(properties.catalogTtl())
			.maximumSize(properties.catalogMaximumLots())
			.build(new CacheLoader<>() {
				@Override
				public LotSnapshotLoader.Versioned load(LotId id) {
					return loader.load(id);
				}

				/** A new entry either way, so the confirmed one lives another TTL. */
				@Override
				public LotSnapshotLoader.Versioned reload(LotId id, LotSnapshotLoader.Versioned old) {
					return loader.catalogVersion(id) == old.version()
							? new LotSnapshotLoader.Versioned(old.version(), old.snapshot()) : loader.load(id);
				}
			});
		// Expiring known spots made every hold on a 500-spot lot pay a SQL query per spot and TTL.
		this.lotOfSpot = Caffeine.newBuilder()
			.expireAfter(Expiry.<SpotId, Optional<LotId>>writing((spot, lot) -> lot.isPresent() ? FOREVER
					: properties.catalogTtl()))
			.maximumSize(properties.catalogMaximumLots() * 100)
			.build(loader::lotOf);
	}

	Optional<LotSnapshot> of(LotId id) {
		return byLot.get(id).snapshot();
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
