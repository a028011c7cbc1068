package org.openparking.api.sensing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.openparking.api.holds.SpotClaims;
import org.openparking.api.live.LiveTestSupport;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.LotFixtures;
import org.openparking.api.support.LotFixtures.TestLot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer against the two hard parts of the hand-off: commit order and several api nodes. */
@ApiIntegrationTest
class ObservationConsumerTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationContext context;

	@Autowired
	SpotClaims claims;

	@Autowired
	MeterRegistry meters;

	@Test
	void aRowCommittedAfterALaterIdIsStillApplied() throws Exception {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 2);
		SensorFeed feed = new SensorFeed(jdbc);
		UUID early = lot.spotIds().get(0);
		UUID late = lot.spotIds().get(1);
		String earlyDevice = feed.register(lot.id(), early);
		String lateDevice = feed.register(lot.id(), late);
		CountDownLatch inserted = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		// A gateway transaction takes its id first and commits last.
		CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
			long id = feed.hand(earlyDevice, lot.id(), early, "OCCUPANCY", true, Instant.now().minusSeconds(10));
			inserted.countDown();
			await(commit);
			return id;
		}));
		assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
		long later = feed.occupancy(lateDevice, lot.id(), late, true, Instant.now().minusSeconds(10));
		feed.awaitApplied(later);

		commit.countDown();
		long earlier = slow.get(10, TimeUnit.SECONDS);
		assertThat(earlier).isLessThan(later);
		jdbc.sql("select pg_notify('sensor_observation', '{}')").query((rs, n) -> 1).list();
		feed.awaitApplied(earlier);
		assertThat(jdbc.sql("select state from spot_observation where spot_id = ?").param(early).query(String.class)
			.single()).isEqualTo("OCCUPIED");
		assertThat(jdbc.sql("select count(*) from sensing_gap where observation_id = ?").param(earlier)
			.query(Long.class)
			.single()).as("the gap closed with its row applied").isZero();
	}

	@Test
	void aMillionIdsWithoutRowsCostOnePassTheirNewestGapsOnly() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		SensorFeed feed = new SensorFeed(jdbc);
		UUID spot = lot.spotIds().get(0);
		String device = feed.register(lot.id(), spot);
		// As if a lot's readings had been deleted while no api ran: a million ids the consumer never saw rows of.
		long skippedFrom = jdbc.sql("select nextval(pg_get_serial_sequence('sensor_observation', 'id'))")
			.query(Long.class)
			.single();
		jdbc.sql("select setval(pg_get_serial_sequence('sensor_observation', 'id'), ?)")
			.param(skippedFrom + 1_000_000)
			.query(Long.class)
			.single();

		long id = feed.occupancy(device, lot.id(), spot, true, Instant.now().minusSeconds(5));
		feed.awaitApplied(id);

		try {
			assertThat(jdbc.sql("select count(*) from sensing_gap where observation_id between ? and ?")
				.params(skippedFrom, id)
				.query(Long.class)
				.single()).as("the newest passed-over ids, no more than parking.sensing.max-gaps")
				.isBetween(1L, 20_000L);
		}
		finally {
			// The million are no rows in flight: the other tests' passes need not look them up.
			jdbc.sql("delete from sensing_gap where observation_id between ? and ?").params(skippedFrom, id).update();
		}
	}

	/** The watermark, moved with the effects, is a pass's record; one row per pass says when it ran. */
	@Test
	void aPassRecordsWhatItAppliedByItsWatermarkNotARowPerObservation() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 3);
		SensorFeed feed = new SensorFeed(jdbc);
		List<Long> ids = new ArrayList<>();
		for (UUID spot : lot.spotIds()) {
			ids.add(feed.occupancy(feed.register(lot.id(), spot), lot.id(), spot, true, Instant.now().minusSeconds(5)));
		}
		SensorFeed.await(() -> feed.applied(ids) == ids.size(), "all applied");

		Long[] applied = ids.toArray(Long[]::new);
		assertThat(jdbc.sql("select count(*) from sensing_applied where observation_id = any(?::bigint[])")
			.param(applied).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from unnest(?::bigint[]) i
				where exists (select 1 from sensing_pass p where i > p.after_id and i <= p.up_to or i = any(p.gap_ids))""")
			.param(applied).query(Long.class).single()).isEqualTo(ids.size());
	}

	@Test
	void twoApiNodesApplyEveryObservationOnce() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 20);
		SensorFeed feed = new SensorFeed(jdbc);
		List<String> devices = new ArrayList<>();
		lot.spotIds().forEach(spot -> devices.add(feed.register(lot.id(), spot)));
		try (ConfigurableApplicationContext second = LiveTestSupport.secondNode(context)) {
			Instant start = Instant.now().minus(Duration.ofMinutes(10));
			List<Long> ids = new ArrayList<>();
			for (int round = 0; round < 3; round++) { // occupied, free, occupied
				for (int i = 0; i < devices.size(); i++) {
					ids.add(feed.occupancy(devices.get(i), lot.id(), lot.spotIds().get(i), round % 2 == 0,
							start.plus(Duration.ofMinutes(round))));
				}
			}
			SensorFeed.await(() -> feed.applied(ids) == ids.size(), "all applied");
		}
		// Each arrival raised one alert, resolved when the car left; each spot has one closed and one open stay.
		assertThat(count("select count(*) from alert where lot_id = ? and kind = 'UNEXPECTED_OCCUPANCY'", lot.id()))
			.isEqualTo(40);
		assertThat(count("select count(*) from alert where lot_id = ? and status = 'RESOLVED'", lot.id())).isEqualTo(20);
		assertThat(count("select count(*) from spot_stay where lot_id = ? and departed_at is not null", lot.id()))
			.isEqualTo(20);
		assertThat(count("select count(*) from spot_stay where lot_id = ? and departed_at is null", lot.id()))
			.isEqualTo(20);
		assertThat(count("select count(*) from spot_observation where lot_id = ? and state = 'OCCUPIED'", lot.id()))
			.isEqualTo(20);
	}

	/** Committed together, so one pass applies them: each spot still takes its changes in order. */
	@Test
	void aSpotThatChangesSeveralTimesInOneBatchTakesEachChangeInOrder() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 3);
		SensorFeed feed = new SensorFeed(jdbc);
		List<String> devices = new ArrayList<>();
		lot.spotIds().forEach(spot -> devices.add(feed.register(lot.id(), spot)));
		Instant start = Instant.now().minus(Duration.ofMinutes(10));
		List<Long> ids = transactions.execute(tx -> {
			// occupied, free, occupied, free: two stays per spot
			List<Long> inserted = flips(feed, lot, devices, List.of(4, 4, 4), start);
			// A stale reading of the first spot, older than its last change, changes nothing.
			inserted.add(feed.hand(devices.get(0), lot.id(), lot.spotIds().get(0), "OCCUPANCY", true,
					start.plus(Duration.ofSeconds(90))));
			return inserted;
		});
		ids.forEach(feed::awaitApplied);
		assertThat(count("select count(*) from alert where lot_id = ? and kind = 'UNEXPECTED_OCCUPANCY'", lot.id()))
			.isEqualTo(6);
		assertThat(count("select count(*) from alert where lot_id = ? and status = 'RESOLVED'", lot.id())).isEqualTo(6);
		assertThat(count("select count(*) from spot_stay where lot_id = ? and departed_at is not null", lot.id()))
			.isEqualTo(6);
		assertThat(count("select count(*) from spot_stay where lot_id = ? and departed_at is null", lot.id()))
			.isZero();
		assertThat(count("""
				select count(*) from spot_stay where lot_id = ?
				  and departed_at - arrived_at = interval '1 minute'""", lot.id())).isEqualTo(6);
		assertThat(count("select count(*) from spot_observation where lot_id = ? and state = 'FREE'", lot.id()))
			.isEqualTo(3);
	}

	/** A batch blocks and unblocks once per lot; Redis still ends in the batch's final state. */
	@Test
	void aBatchLeavesTheSpotsBlockedAsItsLastChangesLeftThem() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 2);
		SensorFeed feed = new SensorFeed(jdbc);
		String leaves = feed.register(lot.id(), lot.spotIds().get(0));
		String returns = feed.register(lot.id(), lot.spotIds().get(1));
		Instant start = Instant.now().minus(Duration.ofMinutes(10));
		List<Long> ids = transactions.execute(tx -> flips(feed, lot, List.of(leaves, returns), List.of(2, 3), start));
		ids.forEach(feed::awaitApplied);
		Instant now = Instant.now();
		Set<SpotId> claimed = claims.claimedDuring(new LotId(lot.id()),
				lot.spotIds().stream().map(SpotId::new).toList(), new TimeWindow(now, now.plus(Duration.ofMinutes(30))),
				now);
		assertThat(claimed).as("only the spot whose car came back stays blocked")
			.containsExactly(new SpotId(lot.spotIds().get(1)));
	}

	/**
	 * A reading that cannot be applied (its spot is unknown, so its state row breaks a foreign key) fails its batch;
	 * the batch is applied one reading at a time, that one is skipped, and the stream goes on past it.
	 */
	@Test
	void aReadingThatCannotBeAppliedIsSkippedAndTheRestOfItsBatchApplied() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 2);
		SensorFeed feed = new SensorFeed(jdbc);
		String first = feed.register(lot.id(), lot.spotIds().get(0));
		String second = feed.register(lot.id(), lot.spotIds().get(1));
		Instant at = Instant.now().minusSeconds(30);
		List<Long> ids = transactions.execute(tx -> List.of(
				feed.hand(first, lot.id(), lot.spotIds().get(0), "OCCUPANCY", true, at),
				feed.hand("ghost-" + UUID.randomUUID(), lot.id(), UUID.randomUUID(), "OCCUPANCY", true, at),
				feed.hand(second, lot.id(), lot.spotIds().get(1), "OCCUPANCY", true, at)));
		SensorFeed.await(() -> feed.applied(ids) == ids.size(), "the batch consumed");

		assertThat(count("select count(*) from spot_observation where lot_id = ? and state = 'OCCUPIED'", lot.id()))
			.isEqualTo(2);
		long later = feed.occupancy(first, lot.id(), lot.spotIds().get(0), false, at.plusSeconds(10));
		feed.awaitApplied(later);
		assertThat(count("select count(*) from spot_observation where lot_id = ? and state = 'OCCUPIED'", lot.id()))
			.isEqualTo(1);
	}

	/** What operators watch: passes, their observations, and how far behind the sensors the consumer runs. */
	@Test
	void eachPassThatAppliesObservationsIsMeasured() {
		double passes = meters.timer("sensing.consumer.pass").count();
		double observations = meters.summary("sensing.consumer.batch").totalAmount();
		long lags = meters.timer("sensing.consumer.lag").count();
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 3);
		SensorFeed feed = new SensorFeed(jdbc);
		List<String> devices = new ArrayList<>();
		lot.spotIds().forEach(spot -> devices.add(feed.register(lot.id(), spot)));
		List<Long> ids = transactions.execute(
				tx -> flips(feed, lot, devices, List.of(2, 2, 2), Instant.now().minus(Duration.ofMinutes(10))));
		ids.forEach(feed::awaitApplied);
		assertThat(meters.timer("sensing.consumer.pass").count()).isGreaterThan((long) passes);
		assertThat(meters.summary("sensing.consumer.batch").totalAmount()).isGreaterThanOrEqualTo(observations + 6);
		assertThat(meters.timer("sensing.consumer.lag").count()).isGreaterThan(lags);
	}

	/**
	 * Hands in occupancy readings that flip each spot of the lot (occupied first) as often as {@code flips} says, a
	 * minute apart from {@code start}: every spot's first change, then every spot's second, and so on.
	 */
	private static List<Long> flips(SensorFeed feed, TestLot lot, List<String> devices, List<Integer> flips,
			Instant start) {
		List<Long> inserted = new ArrayList<>();
		int most = flips.stream().mapToInt(Integer::intValue).max().orElse(0);
		for (int change = 0; change < most; change++) {
			for (int i = 0; i < devices.size(); i++) {
				if (change < flips.get(i)) {
					inserted.add(feed.hand(devices.get(i), lot.id(), lot.spotIds().get(i), "OCCUPANCY", change % 2 == 0,
							start.plus(Duration.ofMinutes(change))));
				}
			}
		}
		return inserted;
	}

	private long count(String sql, UUID lot) {
		return jdbc.sql(sql).param(lot).query(Long.class).single();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
