package org.openparking.api.holds.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.holds.ClaimSource;
import org.openparking.api.holds.LiveClaim;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs claim scripts on a lot whose claims are loaded, rebuilding them from PostgreSQL (every {@link ClaimSource})
 * the first time a script finds the lot not ready: after a Redis flush or restart, holds respect confirmed bookings
 * and active sessions again without any other PostgreSQL read on the hot path.
 * <p>
 * Concurrent requests that all find a lot not ready share one rebuild per node; across nodes the rebuild script
 * itself lets only the first one through.
 */
@Component
class ReadyLots {

	private static final Logger log = LoggerFactory.getLogger(ReadyLots.class);

	private static final int ATTEMPTS = 3;

	private final LotClaimStore store;

	private final LotCatalog catalog;

	private final ObjectProvider<ClaimSource> sources;

	private final Clock clock;

	private final ConcurrentMap<LotId, CompletableFuture<Void>> rebuilding = new ConcurrentHashMap<>();

	// ClaimSources come lazily: the modules that implement them depend on this one.
	ReadyLots(LotClaimStore store, LotCatalog catalog, ObjectProvider<ClaimSource> sources, Clock clock) {
		this.store = store;
		this.catalog = catalog;
		this.sources = sources;
		this.clock = clock;
	}

	<T> T run(LotId lot, Supplier<T> scriptCall) {
		for (int attempt = 1;; attempt++) {
			try {
				return scriptCall.get();
			}
			catch (LotNotReady ex) {
				if (attempt == ATTEMPTS) {
					throw new IllegalStateException("Claims of lot " + lot + " could not be loaded into Redis", ex);
				}
				rebuild(lot);
			}
		}
	}

	void rebuild(LotId lot) {
		CompletableFuture<Void> mine = new CompletableFuture<>();
		CompletableFuture<Void> running = rebuilding.putIfAbsent(lot, mine);
		if (running != null) {
			running.join();
			return;
		}
		try {
			load(lot);
			mine.complete(null);
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			rebuilding.remove(lot, mine);
		}
	}

	private void load(LotId lot) {
		Instant now = clock.instant();
		List<LiveClaim> claims = new ArrayList<>();
		sources.orderedStream().forEach(source -> claims.addAll(source.liveClaims(lot, now)));
		List<SpotId> spots = catalog.spots(lot).stream().map(SpotSummary::id).toList();
		if (store.rebuild(lot, spots, claims, now)) {
			log.info("Loaded {} booking and session claims of lot {} into Redis", claims.size(), lot);
		}
	}
}
