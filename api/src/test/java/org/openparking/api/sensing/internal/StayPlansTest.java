package org.openparking.api.sensing.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.openparking.api.support.ApiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's pass closes stays with a statement whose plan PostgreSQL caches (generic) once it has run a few
 * times. Whatever the statistics say, that plan must reach the stays it closes one by one, by the departed spot. When
 * the statistics counted a handful of open stays, the plan of a plain join read them as a whole for every departure,
 * and once a lot had about a thousand open a pass took 103 ms instead of ~1.5 (see {@link Stays#change}).
 */
@ApiIntegrationTest
class StayPlansTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theCachedPlanLooksEachOpenStayUpByItsSpotAndUpdatesItByItsKey() {
		UUID lot = UUID.randomUUID();
		// A table of some size with fresh statistics, nearly every stay closed: a busy lot's after its cars left.
		jdbc.sql("""
				insert into spot_stay (spot_id, lot_id, arrived_at, departed_at, ended_by)
				select gen_random_uuid(), ?, now() - interval '1 day',
				       case when g > 5 then now() - interval '1 hour' end, case when g > 5 then 'FREE' end
				from generate_series(1, 20000) g""").param(lot).update();
		try {
			jdbc.sql("vacuum (analyze) spot_stay").update();

			String plan = String.join("\n", genericPlan(Stays.CHANGE));

			assertThat(plan).as("each open stay looked up by its spot, then updated by its key")
				.containsSubsequence("Index Scan using spot_stay_open on spot_stay o", "Index Cond: (spot_id = v.spot_id)")
				.containsSubsequence("Index Scan using spot_stay_pkey on spot_stay s",
						"Index Cond: ((spot_id = d.spot_id) AND (arrived_at = d.arrived_at))")
				.doesNotContain("Seq Scan on spot_stay", "Bitmap Heap Scan on spot_stay");
		}
		finally {
			jdbc.sql("delete from spot_stay where lot_id = ?").param(lot).update();
		}
	}

	/** The plan PostgreSQL caches for the statement: its generic plan, whatever the arrays. */
	private List<String> genericPlan(String statement) {
		AtomicInteger parameter = new AtomicInteger();
		String numbered = Pattern.compile("\\?").matcher(statement).replaceAll(match -> "\\$" + parameter.incrementAndGet());
		return transactions.execute(tx -> {
			jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
			jdbc.sql("prepare stays_change as " + numbered).update();
			try {
				return jdbc.sql("explain execute stays_change('{}', '{}', '{}', '{}', '{}', '{}')")
					.query(String.class)
					.list();
			}
			finally {
				jdbc.sql("deallocate stays_change").update();
			}
		});
	}
}
