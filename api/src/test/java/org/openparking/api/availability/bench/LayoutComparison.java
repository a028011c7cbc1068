package org.openparking.api.availability.bench;

import java.sql.Connection;
import java.sql.SQLException;
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
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Builds every candidate layout side by side ({@link IndexLayouts}), then measures them interleaved: each round
 * runs the same statement and window on every layout in turn, so load from elsewhere on the machine hits all layouts
 * alike. Per layout: the real statements under EXPLAIN ANALYZE (server-side planning + execution): search page 1 and
 * 2 in the big lot, a search over all 21 lots, availability counts, and the look-up the V4 trigger makes when an
 * open-ended walk-in session starts; search page 1 as a plain JDBC call (client-side, the prepared statement reused
 * as the application reuses it); and bulk inserts of live bookings through the collision trigger, the constraint and
 * the indexes.
 */
final class LayoutComparison {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int INSERT_ROUNDS = 5;

	private static final int INSERTS_PER_SPOT = 40;

	private final IndexLayouts layouts;

	private final BenchQueries queries;

	private final BenchOptions options;

	LayoutComparison(IndexLayouts layouts, BenchQueries queries, BenchOptions options) {
		this.layouts = layouts;
		this.queries = queries;
		this.options = options;
	}

	void run() throws SQLException {
		List<IndexLayouts.Layout> candidates = IndexLayouts.candidates();
		double[] builds = new double[candidates.size()];
		for (int i = 0; i < candidates.size(); i++) {
			builds[i] = layouts.build(i, candidates.get(i));
			System.out.printf("  built %-50s in %6.1f s%n", candidates.get(i).name(), builds[i]);
		}
		List<Connection> connections = new ArrayList<>();
		try {
			List<JdbcClient> clients = new ArrayList<>();
			for (int i = 0; i < candidates.size(); i++) {
				Connection connection = SearchBenchmark.connect(options, layouts.schemaOf(i) + "," + options.schema());
				connections.add(connection);
				clients.add(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
			}
			report(candidates, builds, clients);
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
			for (int i = 0; i < candidates.size(); i++) {
				layouts.drop(i);
			}
		}
	}

	private void report(List<IndexLayouts.Layout> candidates, double[] builds, List<JdbcClient> clients) {
		Map<String, Function<TimeWindow, SqlStatement>> statements = new LinkedHashMap<>();
		statements.put("search p1", window -> queries.searchInLot(window, null));
		statements.put("search p2", queries::searchPage2);
		statements.put("21-lot search", queries::searchAround);
		statements.put("availability", queries::availability);
		statements.put("session check", queries::openEndedSessionCheck);
		List<Integer> queried = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			if (candidates.get(i).queries()) {
				queried.add(i);
			}
		}
		Map<Integer, Map<String, Timings>> explained = explainInterleaved(queried, clients, statements);
		Map<Integer, List<Double>> jdbcMillis = clientSideInterleaved(queried, clients);
		Map<Integer, List<Double>> insertRates = insertRatesInterleaved(candidates.size(), clients);

		System.out.println();
		System.out.printf("Per layout: EXPLAIN ANALYZE ms (p50 / p99) of planning + execution, %d runs x %d windows, "
				+ "interleaved across layouts%n", options.runs(), queries.windows().size());
		List<String> summary = new ArrayList<>();
		summary.add("%-50s %7s | %-13s %-13s %-13s %-13s %-13s | %-14s | %s".formatted("layout", "build s",
				"search p1", "search p2", "21-lot search", "availability", "session check", "JDBC search p1",
				"inserts/s median, best"));
		for (int i = 0; i < candidates.size(); i++) {
			StringBuilder row = new StringBuilder("%-50s %7.1f |".formatted(candidates.get(i).name(), builds[i]));
			System.out.printf("%n== %s%n", candidates.get(i).name());
			if (explained.containsKey(i)) {
				for (var statement : explained.get(i).entrySet()) {
					Timings timings = statement.getValue();
					System.out.printf("  %-15s planning %s, execution %s, total %s; plan: %s%n", statement.getKey(),
							timings.planning().brief(), timings.execution().brief(), timings.total().brief(),
							timings.plan());
					row.append(" %-13s".formatted(timings.total().brief()));
				}
				Percentiles client = Percentiles.of(jdbcMillis.get(i));
				System.out.printf("  search p1 over JDBC: %s%n", client);
				row.append(" | %-14s".formatted(client.brief()));
			}
			else {
				row.append(" %-13s".formatted("-").repeat(statements.size())).append(" | %-14s".formatted("-"));
			}
			Percentiles rates = Percentiles.of(insertRates.get(i));
			System.out.printf("  bulk insert of live bookings, rows/s over %d rounds: median %.0f, best %.0f%n",
					rates.count(), rates.p50(), rates.max());
			summary.add(row.append(" | %6.0f %6.0f".formatted(rates.p50(), rates.max())).toString());
		}
		System.out.println();
		System.out.println("Summary: ms p50 / p99 of EXPLAIN ANALYZE planning + execution and of search p1 over JDBC; "
				+ "bulk insert rows/s");
		summary.forEach(System.out::println);
	}

	private record Timings(Percentiles planning, Percentiles execution, Percentiles total, String plan) {
	}

	private Map<Integer, Map<String, Timings>> explainInterleaved(List<Integer> queried, List<JdbcClient> clients,
			Map<String, Function<TimeWindow, SqlStatement>> statements) {
		Map<String, Map<Integer, List<JsonNode>>> results = new LinkedHashMap<>();
		for (String name : statements.keySet()) {
			results.put(name, new LinkedHashMap<>());
			queried.forEach(i -> results.get(name).put(i, new ArrayList<>()));
		}
		for (int run = -1; run < options.runs(); run++) { // run -1 warms the caches and is not counted
			for (TimeWindow window : queries.windows()) {
				for (var statement : statements.entrySet()) {
					SqlStatement sql = statement.getValue().apply(window);
					for (int i : queried) {
						JsonNode result = explain(clients.get(i), sql);
						if (run >= 0) {
							results.get(statement.getKey()).get(i).add(result);
						}
					}
				}
			}
		}
		Map<Integer, Map<String, Timings>> byLayout = new LinkedHashMap<>();
		for (int i : queried) {
			Map<String, Timings> timings = new LinkedHashMap<>();
			for (String name : statements.keySet()) {
				timings.put(name, timings(results.get(name).get(i)));
			}
			byLayout.put(i, timings);
		}
		return byLayout;
	}

	private static JsonNode explain(JdbcClient jdbc, SqlStatement statement) {
		String json = jdbc.sql("explain (analyze, format json) " + statement.sql())
			.params(statement.params())
			.query(String.class)
			.single();
		return JSON.readTree(json).get(0);
	}

	private static Timings timings(List<JsonNode> results) {
		List<Double> planning = new ArrayList<>();
		List<Double> execution = new ArrayList<>();
		List<Double> total = new ArrayList<>();
		Set<String> scans = new LinkedHashSet<>();
		for (JsonNode result : results) {
			double plan = result.get("Planning Time").asDouble();
			double exec = result.get("Execution Time").asDouble();
			planning.add(plan);
			execution.add(exec);
			total.add(plan + exec);
			collectScans(result.get("Plan"), scans);
		}
		return new Timings(Percentiles.of(planning), Percentiles.of(execution), Percentiles.of(total),
				String.join(", ", scans));
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

	private Map<Integer, List<Double>> clientSideInterleaved(List<Integer> queried, List<JdbcClient> clients) {
		Map<Integer, List<Double>> millis = new LinkedHashMap<>();
		queried.forEach(i -> millis.put(i, new ArrayList<>()));
		for (int run = -1; run < options.runs(); run++) {
			for (TimeWindow window : queries.windows()) {
				SqlStatement statement = queries.searchInLot(window, null);
				for (int i : queried) {
					long start = System.nanoTime();
					clients.get(i).sql(statement.sql()).params(statement.params()).query().listOfRows();
					if (run >= 0) {
						millis.get(i).add((System.nanoTime() - start) / 1e6);
					}
				}
			}
		}
		return millis;
	}

	/**
	 * Live bookings far beyond the seeded ones (no collisions), 40 per spot of the main lot in one statement, removed
	 * again after each round; rounds go round the layouts like the queries do.
	 */
	private Map<Integer, List<Double>> insertRatesInterleaved(int layoutCount, List<JdbcClient> clients) {
		Timestamp base = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.HOURS).plus(260, ChronoUnit.DAYS));
		Map<Integer, List<Double>> rates = new LinkedHashMap<>();
		for (int round = 0; round < INSERT_ROUNDS; round++) {
			for (int i = 0; i < layoutCount; i++) {
				JdbcClient jdbc = clients.get(i);
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
				rates.computeIfAbsent(i, key -> new ArrayList<>()).add(rows / ((System.nanoTime() - start) / 1e9));
				jdbc.sql("delete from booking where user_id = 'bench-insert'").update();
			}
		}
		return rates;
	}
}
