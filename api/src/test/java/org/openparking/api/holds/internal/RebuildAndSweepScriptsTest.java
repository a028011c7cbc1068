package org.openparking.api.holds.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.openparking.api.holds.Hold;
import org.openparking.api.holds.LiveClaim;
import org.openparking.api.lots.LotId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.openparking.api.holds.internal.ClaimFixtures.booking;
import static org.openparking.api.holds.internal.HoldAttempt.Result.PLACED;
import static org.openparking.api.holds.internal.HoldAttempt.Result.SPOT_TAKEN;

/** rebuild-lot and sweep-expired against real Redis, and what happens when Redis forgot the scripts. */
@LuaScriptTest
class RebuildAndSweepScriptsTest {

	@Autowired
	LotClaimStore store;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	@SuppressWarnings("rawtypes")
	RedisScript<List> holdScript;

	@Test
	void aRebuildLoadsClaimsKeepsHoldsAndDropsStaleClaims() {
		ClaimFixtures lot = new ClaimFixtures(store, 3);
		LiveClaim cancelledLater = booking(lot.spot(0), lot.window(1, 1));
		lot.ready(cancelledLater);
		Hold hold = lot.placed("alice", lot.spot(1), lot.window(1, 1));
		redis.delete(ClaimKeys.ready(lot.lot)); // as if the marker was evicted while the booking got cancelled

		assertThat(store.rebuild(lot.lot, lot.spots, List.of(booking(lot.spot(2), lot.window(1, 1))), lot.now))
			.isTrue();

		assertThat(lot.hold("bob", lot.spot(0), lot.window(1, 1)).result()).isEqualTo(PLACED);
		assertThat(lot.hold("bob", lot.spot(1), lot.window(1, 1)).result()).isEqualTo(SPOT_TAKEN);
		assertThat(lot.hold("bob", lot.spot(2), lot.window(1, 1)).result()).isEqualTo(SPOT_TAKEN);
		assertThat(store.findHold(hold.id(), lot.now)).isPresent();
	}

	@Test
	void aRebuildLeavesALotThatIsAlreadyReadyAlone() {
		ClaimFixtures lot = new ClaimFixtures(store, 1).ready();

		assertThat(store.rebuild(lot.lot, lot.spots, List.of(booking(lot.spot(0), lot.window(1, 1))), lot.now))
			.isFalse();
		assertThat(lot.hold("bob", lot.spot(0), lot.window(1, 1)).result()).isEqualTo(PLACED);
	}

	@Test
	void afterAFlushTheLotIsNotReadyUntilRebuiltFromItsSources() {
		ClaimFixtures lot = new ClaimFixtures(store, 1);
		LiveClaim booking = booking(lot.spot(0), lot.window(1, 1));
		lot.ready(booking);
		redis.execute((RedisConnection connection) -> {
			connection.serverCommands().flushDb();
			return null;
		});

		assertThat(catchThrowable(() -> lot.hold("bob", lot.spot(0), lot.window(1, 1))))
			.isInstanceOf(LotNotReady.class);
		lot.ready(booking);
		assertThat(lot.hold("bob", lot.spot(0), lot.window(1, 1)).result()).isEqualTo(SPOT_TAKEN);
	}

	@Test
	void sweepsEachExpiredHoldOnceEvenWithTwoSweepersRacing() throws Exception {
		ClaimFixtures lot = new ClaimFixtures(store, 40).ready();
		List<Hold> holds = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			holds.add(lot.placed("user-" + i, lot.spot(i), lot.window(1, 1)));
		}
		Instant afterExpiry = lot.now.plus(ClaimFixtures.TTL);
		assertThat(store.dueHoldExpiries(List.of(lot.lot), lot.now.plus(ClaimFixtures.TTL).minusMillis(1), 100))
			.isEmpty();

		CyclicBarrier start = new CyclicBarrier(2);
		List<Hold> swept = Collections.synchronizedList(new ArrayList<>());
		try (var threads = Executors.newFixedThreadPool(2)) {
			List<Future<?>> sweepers = new ArrayList<>();
			for (int n = 0; n < 2; n++) {
				sweepers.add(threads.submit(() -> {
					Map<LotId, List<String>> due = store.dueHoldExpiries(List.of(lot.lot), afterExpiry, 100);
					start.await();
					swept.addAll(store.sweepExpired(lot.lot, due.get(lot.lot), afterExpiry));
					return null;
				}));
			}
			for (Future<?> sweeper : sweepers) {
				sweeper.get();
			}
		}

		assertThat(swept).containsExactlyInAnyOrderElementsOf(holds);
		assertThat(store.dueHoldExpiries(List.of(lot.lot), afterExpiry, 100)).isEmpty();
	}

	@Test
	void doesNotSweepReleasedOrConvertedHolds() {
		ClaimFixtures lot = new ClaimFixtures(store, 3).ready();
		Hold released = lot.placed("a", lot.spot(0), lot.window(1, 1));
		Hold converted = lot.placed("b", lot.spot(1), lot.window(1, 1));
		Hold expired = lot.placed("c", lot.spot(2), lot.window(1, 1));
		store.releaseHold(released, lot.now);
		store.convertHold(converted, UUID.randomUUID(), lot.now);
		Instant afterExpiry = lot.now.plus(ClaimFixtures.TTL);

		List<String> due = store.dueHoldExpiries(List.of(lot.lot), afterExpiry, 100).get(lot.lot);

		assertThat(store.sweepExpired(lot.lot, due, afterExpiry)).containsExactly(expired);
	}

	@Test
	void readsDueExpiriesOfManyLotsInOneRoundTrip() {
		ClaimFixtures withHold = new ClaimFixtures(store, 1).ready();
		ClaimFixtures without = new ClaimFixtures(store, 1).ready();
		Hold hold = withHold.placed("a", withHold.spot(0), withHold.window(1, 1));

		Map<LotId, List<String>> due = store.dueHoldExpiries(List.of(without.lot, withHold.lot, LotId.random()),
				hold.expiresAt(), 100);

		assertThat(due).containsOnlyKeys(withHold.lot);
	}

	@Test
	void survivesRedisForgettingTheScripts() {
		ClaimFixtures lot = new ClaimFixtures(store, 2).ready();
		assertThat(lot.hold("alice", lot.spot(0), lot.window(1, 1)).result()).isEqualTo(PLACED);

		redis.execute((RedisConnection connection) -> {
			connection.scriptingCommands().scriptFlush();
			return null;
		});
		assertThat(scriptLoaded()).isFalse();

		assertThat(lot.hold("alice", lot.spot(1), lot.window(1, 1)).result()).isEqualTo(PLACED);
		assertThat(scriptLoaded()).as("EVAL loaded it again").isTrue();
		assertThat(lot.hold("bob", lot.spot(0), lot.window(1, 1)).result()).isEqualTo(SPOT_TAKEN);
	}

	private boolean scriptLoaded() {
		return redis.execute((RedisConnection connection) -> connection.scriptingCommands()
			.scriptExists(holdScript.getSha1())
			.getFirst());
	}

}
