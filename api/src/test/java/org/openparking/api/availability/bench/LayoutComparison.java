package org.openparking.api.availability.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.openparking.api.availability.internal.SqlStatement;
import org.openparking.api.shared.TimeWindow;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For each candidate layout: build it, then time the real statements with EXPLAIN ANALYZE (server-side planning +
 * execution) and as plain JDBC calls (client-side, prepared statements reused as the application reuses them), and
 * the rate of a bulk insert of live bookings through the collision trigger, the constraint and the indexes.
 */
final class LayoutComparison {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int INSERT_ROUNDS = 5;

	private static final int INSERTS_PER_SPOT = 40;

	private final JdbcClient jdbc;

	private final IndexLayouts layouts;

	private final BenchQueries queries;

	private final int runs;

	LayoutComparison(JdbcClient jdbc, IndexLayouts layouts, BenchQueries queries, int runs) {
		this.jdbc = jdbc;
		this.layouts = layouts;
		this.queries = queries;
		this.runs = runs;
	}

	void run() {
		Map<String, Function<TimeWindow, SqlStatement>> statements = new LinkedHashMap<>();
		statements.put("search p1", window -> queries.searchInLot(window, null));
		statements.put("search p2", queries::searchPage2);
		statements.put("search 21 lots", queries::searchAround);
		statements.put("availability", queries::availability);
		IndexLayouts.Layout migrated = layouts.migrated();
		List<String> summary = new ArrayList<>();
		summary.add("%-62s %7s | %-15s %-15s %-15s %-15s | %-15s | %s".formatted("layout", "build s", "search p1",
				"search p2", "search 21 lots", "availability", "JDBC search p1", "inserts/s median, best"));
		for (IndexLayouts.Layout layout : IndexLayouts.candidates()) {
			layouts.dropManaged();
			jdbc.sql("vacuum analyze booking").update();
			double build = layouts.apply(layout);
			jdbc.sql("vacuum analyze booking").update();
			jdbc.sql("analyze parking_session").update();
			System.out.printf("%n== %s (built in %.1f s)%n", layout.name(), build);
			StringBuilder row = new StringBuilder("%-62s %7.1f |".formatted(layout.name(), build));
			if (layout.queries()) {
				for (var statement : statements.entrySet()) {
					Timings timings = explain(statement.getValue());
					System.out.printf("  %-15s EXPLAIN ANALYZE ms (p50 / p99): planning %s, execution %s, total %s; plan: %s%n",
							statement.getKey(), timings.planning().brief(), timings.execution().brief(),
							timings.total().brief(), timings.plan());
					row.append(" %-15s".formatted(timings.total().brief()));
				}
				Percentiles client = clientSide(statements.get("search p1"));
				System.out.printf("  search p1 over JDBC: %s%n", client);
				row.append(" | %-15s".formatted(client.brief()));
			}
			else {
				row.append(" %-15s".formatted("-").repeat(statements.size())).append(" | %-15s".formatted("-"));
			}
			Percentiles rates = insertRates();
			System.out.printf("  bulk insert of live bookings, rows/s over %d rounds: median %.0f, best %.0f%n",
					rates.count(), rates.p50(), rates.max());
			summary.add(row.append(" | %6.0f %6.0f".formatted(rates.p50(), rates.max())).toString());
		}
		layouts.dropManaged();
		jdbc.sql("vacuum analyze booking").update();
		layouts.apply(migrated);
		jdbc.sql("analyze").update();
		System.out.println();
		System.out.println("Summary: ms p50 / p99 of EXPLAIN ANALYZE planning + execution (" + runs + " runs x "
				+ queries.windows().size() + " windows), of search p1 over JDBC; bulk insert rows/s");
		summary.forEach(System.out::println);
	}

	private record Timings(Percentiles planning, Percentiles execution, Percentiles total, String plan) {
	}

	private Timings explain(Function<TimeWindow, SqlStatement> statementOf) {
		List<Double> planning = new ArrayList<>();
		List<Double> execution = new ArrayList<>();
		List<Double> total = new ArrayList<>();
		Set<String> scans = new LinkedHashSet<>();
		for (TimeWindow window : queries.windows()) { // warm the cache before timing
			explainOnce(statementOf.apply(window));
		}
		for (int run = 0; run < runs; run++) {
			for (TimeWindow window : queries.windows()) {
				JsonNode result = explainOnce(statementOf.apply(window));
				double plan = result.get("Planning Time").asDouble();
				double exec = result.get("Execution Time").asDouble();
				planning.add(plan);
				execution.add(exec);
				total.add(plan + exec);
				if (run == 0) {
					collectScans(result.get("Plan"), scans);
				}
			}
		}
		return new Timings(Percentiles.of(planning), Percentiles.of(execution), Percentiles.of(total),
				String.join(", ", scans));
	}

	private JsonNode explainOnce(SqlStatement statement) {
		String json = jdbc.sql("explain (analyze, format json) " + statement.sql())
			.params(statement.params())
			.query(String.class)
			.single();
		return JSON.readTree(json).get(0);
	}

	private static void collectScans(JsonNode node, Set<String> scans) {
		String type = node.get("Node Type").asString();
		if (node.has("Index Name")) {
			scans.add(type + " " + node.get("Index Name").asString());
		}
		else if (type.equals("Seq Scan")) {
			scans.add("Seq Scan " + node.get("Relation Name").asString());
		}
		if (node.has("Plans")) {
			for (JsonNode child : node.get("Plans")) {
				collectScans(child, scans);
			}
		}
	}

	private Percentiles clientSide(Function<TimeWindow, SqlStatement> statementOf) {
		List<Double> millis = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			for (TimeWindow window : queries.windows()) {
				SqlStatement statement = statementOf.apply(window);
				long start = System.nanoTime();
				jdbc.sql(statement.sql()).params(statement.params()).query().listOfRows();
				millis.add((System.nanoTime() - start) / 1e6);
			}
		}
		return Percentiles.of(millis);
	}

	/**
	 * Live bookings far beyond the seeded ones (no collisions), 40 per spot of the main lot in one statement, each
	 * round removed again afterwards.
	 */
	private Percentiles insertRates() {
		Timestamp base = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.HOURS).plus(260, ChronoUnit.DAYS));
		List<Double> rates = new ArrayList<>();
		for (int round = 0; round < INSERT_ROUNDS; round++) {
			long start = System.nanoTime();
			int rows = jdbc.sql("""
					insert into booking (id, lot_id, spot_id, user_id, hold_id, during, status, price_minor, currency,
					                     created_at, updated_at)
					select gen_random_uuid(), s.lot_id, s.id, 'bench-insert', 'bench-insert.' || s.id || '.' || k,
					       tstzrange(cast(:base as timestamptz) + k * interval '6 hours',
					                 cast(:base as timestamptz) + k * interval '6 hours' + interval '2 hours'),
					       'CONFIRMED', 400, 'EUR', now(), now()
					from spot s cross join generate_series(0, :perSpot - 1) k
					where s.lot_id = :lot""")
				.param("base", base)
				.param("perSpot", INSERTS_PER_SPOT)
				.param("lot", queries.mainLotId())
				.update();
			rates.add(rows / ((System.nanoTime() - start) / 1e9));
			jdbc.sql("delete from booking where user_id = 'bench-insert'").update();
		}
		jdbc.sql("vacuum booking").update();
		return Percentiles.of(rates);
	}
}
