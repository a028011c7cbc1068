package org.openparking.api.availability.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Measures the index layout of the claim queries and the latency of searchSpots. Run it with {@code bin/bench-search}
 * (it compiles the tests and runs this class on the test classpath); options:
 * <ul>
 * <li>{@code --jdbc-url=jdbc:postgresql://127.0.0.1:5432/postgres} database (user postgres, no password)</li>
 * <li>{@code --schema=bench_search} its own schema, dropped and re-seeded on every run</li>
 * <li>{@code --reuse} keep the schema when it is already seeded</li>
 * <li>{@code --runs=30} EXPLAIN ANALYZE runs per statement and window, per layout</li>
 * <li>{@code --http-requests=2000} measured searchSpots requests</li>
 * <li>{@code --http-warmup=60s} how long at least the three kinds of request run in turn, unmeasured, before (at
 * least 200 of each); then on until the API's JIT compilers are quiet (under 1 % of a core over 10 s)</li>
 * <li>{@code --http-max-warmup=300s} the longest warm-up, compilers quiet or not</li>
 * <li>{@code --redis-database=15} Redis database of the API process started for the HTTP part (its log:
 * {@code target/bench-search-api.log})</li>
 * <li>{@code --skip-layouts}, {@code --skip-http} leave out one half</li>
 * </ul>
 */
public final class SearchBenchmark {

	private static final String TOO_MANY_CONNECTIONS = "53300";

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws SQLException, IOException, InterruptedException {
		BenchOptions options = BenchOptions.parse(args);
		try (Connection connection = connect(options, options.schema())) {
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			BenchSchema schema = new BenchSchema(dataSource, options.schema());
			IndexLayouts layouts = new IndexLayouts(jdbc, options.schema());
			if (options.reuse() && schema.isSeeded()) {
				System.out.println("Reusing the seeded schema " + options.schema());
			}
			else {
				System.out.println("Seeding schema " + options.schema() + "...");
				schema.recreate();
				schema.seed(layouts);
			}
			System.out.println("  " + String.join(", ", schema.counts()));
			BenchQueries queries = new BenchQueries(jdbc);
			if (options.layouts()) {
				new LayoutComparison(layouts, queries, options).run();
			}
			if (options.http()) {
				new HttpLatency(options, queries).run(jdbc);
			}
		}
	}

	/**
	 * A connection as user postgres (no password) with the given search path. The machine's PostgreSQL is shared:
	 * while other test runs hold every connection slot, wait for one.
	 */
	static Connection connect(BenchOptions options, String searchPath) throws SQLException {
		PGSimpleDataSource postgres = new PGSimpleDataSource();
		postgres.setURL(options.jdbcUrl());
		postgres.setUser("postgres");
		postgres.setCurrentSchema(searchPath);
		for (int attempt = 1;; attempt++) {
			try {
				return postgres.getConnection();
			}
			catch (SQLException ex) {
				if (!TOO_MANY_CONNECTIONS.equals(ex.getSQLState()) || attempt == 120) {
					throw ex;
				}
				sleep(Duration.ofSeconds(1));
			}
		}
	}

	private static void sleep(Duration duration) throws SQLException {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted while waiting for a connection", ex);
		}
	}
}
