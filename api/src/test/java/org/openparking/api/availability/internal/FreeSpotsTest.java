package org.openparking.api.availability.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.shared.TimeWindow;
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
 * The search and counts statements run with their generic plans ({@link FreeSpots}): {@code set local} only works
 * inside a transaction (outside one PostgreSQL ignores it with a warning), and must not outlive it.
 */
@ApiIntegrationTest
@Import(SqlStatementCounter.Config.class) // the context of SpotSearchTest, started once
class FreeSpotsTest {

	@Autowired
	FreeSpots freeSpots;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void bothStatementsRunWithTheGenericPlanWithinTheirTransactionOnly() {
		TestLot lot = new LotFixtures(jdbc).lot("operator-" + UUID.randomUUID(), 3);
		List<LotDistance> lots = List.of(new LotDistance(new LotId(lot.id()), 0));
		Instant from = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
		TimeWindow window = new TimeWindow(from, from.plus(Duration.ofHours(2)));
		TransactionTemplate transaction = new TransactionTemplate(transactions);

		transaction.executeWithoutResult(status -> {
			assertThat(freeSpots.page(lots, window, EnumSet.allOf(SpotClass.class), Long.MAX_VALUE, null, 10))
				.hasSize(3);
			assertThat(planCacheMode()).isEqualTo("force_generic_plan");
		});
		transaction.executeWithoutResult(status -> {
			assertThat(freeSpots.byClass(lots, window)).isNotEmpty();
			assertThat(planCacheMode()).isEqualTo("force_generic_plan");
		});
		transaction.executeWithoutResult(status -> assertThat(planCacheMode()).isEqualTo("auto"));
	}

	private String planCacheMode() {
		return jdbc.sql("show plan_cache_mode").query(String.class).single();
	}
}
