package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.openparking.api.sensing.SensorFeed;
import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.LotFixtures;
import org.openparking.api.support.LotFixtures.TestLot;
import org.openparking.api.support.SqlStatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch in which spots change several times is settled in rounds (each spot's first change, then its second...).
 * What the rules read about the spots (bookings and sessions covering now, recent bookings, active alerts) is read
 * once per batch, so a round only writes: its stays and its alerts. Reading them per round made a busy batch cost
 * nine statements per pair of rounds instead of four, and the consumer fell behind the sensors.
 */
@ApiIntegrationTest
@Import(SqlStatementCounter.Config.class)
class ObservationRoundsTest {

	private static final AtomicLong IDS = new AtomicLong(System.nanoTime());

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObservationApplier applier;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	SqlStatementCounter statements;

	@Test
	void moreRoundsInABatchOnlyAddTheirWrites() {
		long twoRounds = statementsToApply(2);
		long fourRounds = statementsToApply(4);
		assertThat(fourRounds - twoRounds)
			.as("statements of a batch of 4 spots changing twice: %d, four times: %d", twoRounds, fourRounds)
			.isLessThanOrEqualTo(4);
	}

	/** Statements to apply one batch in which each of 4 spots of a new lot flips {@code changes} times. */
	private long statementsToApply(int changes) {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 4);
		SensorFeed feed = new SensorFeed(jdbc);
		List<String> devices = lot.spotIds().stream().map(spot -> feed.register(lot.id(), spot)).toList();
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<ObservationRow> rows = new ArrayList<>();
		for (int change = 0; change < changes; change++) {
			for (int i = 0; i < devices.size(); i++) {
				Instant at = start.plusSeconds(change);
				rows.add(new ObservationRow(IDS.incrementAndGet(), devices.get(i), lot.id(), lot.spotIds().get(i),
						ObservationRow.Kind.OCCUPANCY, change % 2 == 0, at, at));
			}
		}
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		statements.resetForThisThread();
		transaction.executeWithoutResult(tx -> applier.apply(rows, start.plusSeconds(changes)));
		return statements.count();
	}
}
