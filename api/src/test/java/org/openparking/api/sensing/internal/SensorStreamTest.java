package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.openparking.api.support.ApiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Locking the cursor also decides whether the pass's commit waits for the disk, in the same statement: for that
 * transaction only. A pass that lost the cursor (its one-by-one fallback, another node holding it) still records what
 * it applied, and does not wait for the cursor to do so. What is recorded is pruned in time.
 */
@ApiIntegrationTest
class SensorStreamTest {

	@Autowired
	SensorStream stream;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aPassCommitsWithoutWaitingForTheDiskUnlessToldToWait() throws InterruptedException {
		String notWaiting = settingWhileLocked(false);
		String waiting = settingWhileLocked(true);
		String afterwards = new TransactionTemplate(transactions).execute(tx -> synchronousCommit());

		assertThat(notWaiting).isEqualTo("off");
		assertThat(waiting).isEqualTo("on");
		assertThat(afterwards).isEqualTo("on");
	}

	@Test
	void aPassWithoutTheCursorRecordsItsRowsWithoutWaitingForTheCursor() throws Exception {
		long id = Long.MAX_VALUE - ThreadLocalRandom.current().nextInt(1_000_000);
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// Another node's pass, holding the cursor.
		CompletableFuture<Void> otherNode = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
			while (stream.lockCursor(false).isEmpty()) {
				Thread.onSpinWait(); // this context's own consumer holds it a moment
			}
			locked.countDown();
			await(release);
		}));
		try {
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
			transaction.executeWithoutResult(tx -> {
				jdbc.sql("set local lock_timeout = '2s'").update();
				stream.finish(List.of(id), OptionalLong.empty(), id, 10, Instant.now());
			});
			assertThat(jdbc.sql("select count(*) from sensing_applied where observation_id = ?").param(id)
				.query(Long.class).single()).isEqualTo(1);
		}
		finally {
			release.countDown();
			otherNode.get(10, TimeUnit.SECONDS);
			jdbc.sql("delete from sensing_applied where observation_id = ?").param(id).update();
		}
	}

	@Test
	void pruningForgetsThePassesAndTheRowsAppliedWithoutTheCursorFromBeforeItsTime() {
		long id = Long.MAX_VALUE - 1_000_000 - ThreadLocalRandom.current().nextInt(1_000_000);
		Instant now = Instant.now();
		Instant old = now.minusSeconds(3600);
		for (long offset = 0; offset < 2; offset++) {
			Instant at = offset == 0 ? old : now;
			jdbc.sql("insert into sensing_applied (observation_id, applied_at) values (?, ?)")
				.params(id + offset, SensorStream.at(at)).update();
			jdbc.sql("insert into sensing_pass (started_at, after_id, up_to, gap_ids) values (?, ?, ?, '{}')")
				.params(SensorStream.at(at), id + offset - 1, id + offset).update();
		}
		try {
			stream.pruneApplied(now.minusSeconds(60));

			assertThat(jdbc.sql("select observation_id from sensing_applied where observation_id in (?, ?)")
				.params(id, id + 1).query(Long.class).list()).containsExactly(id + 1);
			assertThat(jdbc.sql("select up_to from sensing_pass where up_to in (?, ?)")
				.params(id, id + 1).query(Long.class).list()).containsExactly(id + 1);
		}
		finally {
			jdbc.sql("delete from sensing_applied where observation_id in (?, ?)").params(id, id + 1).update();
			jdbc.sql("delete from sensing_pass where up_to in (?, ?)").params(id, id + 1).update();
		}
	}

	/**
	 * The one-by-one fallback reads its rows before it takes the cursor for each: another pass may have run between.
	 * All in one transaction that holds the cursor and rolls back, so the context's own consumer never sees the row.
	 */
	@Test
	void aRowIsPendingAboveTheWatermarkOrAsAGapUnlessAppliedWithoutTheCursor() {
		long id = Long.MAX_VALUE - 2_000_000 - ThreadLocalRandom.current().nextInt(1_000_000);
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			while (stream.lockCursor(false).isEmpty()) {
				Thread.onSpinWait(); // this context's own consumer holds it a moment
			}
			jdbc.sql("""
					insert into sensor_observation (id, device_id, lot_id, spot_id, kind, occupied, observed_at,
					  received_at, handed_off_at, seq) overriding system value values (?, 'pending-test', ?, ?, 'OCCUPANCY', true, now(), now(),
					  now(), 1)""").params(id, UUID.randomUUID(), UUID.randomUUID()).update();
			watermark(id - 1);
			assertThat(stream.pending(id)).as("above the watermark").isTrue();
			watermark(id);
			assertThat(stream.pending(id)).as("behind it, applied by the pass that moved it").isFalse();
			jdbc.sql("insert into sensing_gap (observation_id, noticed_at) values (?, now())").param(id).update();
			watermark(id + 5);
			assertThat(stream.pending(id)).as("behind it, a gap").isTrue();
			jdbc.sql("insert into sensing_applied (observation_id, applied_at) values (?, now())").param(id).update();
			watermark(id - 1);
			assertThat(stream.pending(id)).as("applied without the cursor").isFalse();
			tx.setRollbackOnly();
		});
	}

	private void watermark(long to) {
		jdbc.sql("update sensing_cursor set watermark = ? where id = 1").param(to).update();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The setting inside a transaction that locked the cursor; the context's own consumer may hold it a moment. */
	private String settingWhileLocked(boolean waitForDisk) throws InterruptedException {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		for (int attempt = 0; attempt < 200; attempt++) {
			String setting = transaction
				.execute(tx -> stream.lockCursor(waitForDisk).isPresent() ? synchronousCommit() : null);
			if (setting != null) {
				return setting;
			}
			Thread.sleep(10);
		}
		throw new AssertionError("The consumer held the cursor for 2 s");
	}

	private String synchronousCommit() {
		return jdbc.sql("show synchronous_commit").query(String.class).single();
	}
}
