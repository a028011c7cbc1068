package org.openparking.api.availability.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

import tools.jackson.databind.JsonNode;

import org.openparking.api.availability.internal.SqlStatement;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.support.GraphQlHttp;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * searchSpots over real HTTP against the whole API ({@link ApiProcess}) on the benchmark's schema, one request at a
 * time. Beside it, in the same run: the same page's bare SQL statement over JDBC, and a trivial GraphQL query
 * ({@code __typename}) that costs HTTP, security and GraphQL but no data.
 */
final class HttpLatency {

	static final String SEARCH = """
			query Search($lotId: ID!, $from: DateTime!, $to: DateTime!) {
			  searchSpots(input: {lotId: $lotId, from: $from, to: $to}, first: 20) {
			    edges { cursor node {
			      pricePerHour { amountMinor currency } price { amountMinor currency }
			      spot { id code spotClass commercialState }
			      lot { id name }
			    } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	private final BenchOptions options;

	private final BenchQueries queries;

	HttpLatency(BenchOptions options, BenchQueries queries) {
		this.options = options;
		this.queries = queries;
	}

	void run(JdbcClient jdbc) throws IOException, InterruptedException {
		List<UUID> lots = jdbc.sql("select id from lot").query(UUID.class).list();
		System.out.printf("%nForgot %d Redis keys of the bench lots; the API reloads their claims on first use%n",
				RedisClaims.forget(options.redisDatabase(), lots));
		try (ApiProcess api = ApiProcess.start(options)) {
			GraphQlHttp http = new GraphQlHttp(api.port());
			List<TimeWindow> windows = queries.windows();
			IntConsumer search = i -> {
				JsonNode response = http.execute(null, SEARCH, variables(windows.get(i % windows.size())));
				if (response.has("errors")) {
					throw new IllegalStateException("searchSpots failed: " + response.get("errors"));
				}
			};
			IntConsumer trivial = i -> http.execute(null, "{ __typename }");
			IntConsumer bareSql = i -> {
				SqlStatement statement = queries.searchInLot(windows.get(i % windows.size()), null);
				jdbc.sql(statement.sql()).params(statement.params()).query().listOfRows();
			};
			System.out.printf("  first searchSpots, loading the lot's claims into Redis: %s%n", measure(search, 1));
			int warmup = warmUp(List.of(search, trivial, bareSql));
			int n = options.httpRequests();
			System.out.println();
			System.out.printf("Latency, one request at a time, %d each after %d of each in %s of warm-up:%n", n, warmup,
					options.httpWarmup());
			List<Double> searches = times(search, n);
			System.out.println("  searchSpots over HTTP (20 offers; spot, lot, commercialState): " + Percentiles.of(searches));
			System.out.println("  reference: { __typename } over HTTP:                          " + measure(trivial, n));
			System.out.println("  reference: the page's bare SQL over JDBC:                     " + measure(bareSql, n));
			System.out.println("  searchSpots by window (the requests take them in turn):");
			for (int w = 0; w < windows.size(); w++) {
				List<Double> ofWindow = new ArrayList<>();
				for (int i = w; i < searches.size(); i += windows.size()) {
					ofWindow.add(searches.get(i));
				}
				System.out.printf("    %s: %s%n", windows.get(w), Percentiles.of(ofWindow));
			}
		}
	}

	/**
	 * Runs the requests in turn, 200 at a time, for the warm-up's time; how many of each ran. After 400 of each (the
	 * warm-up until the sixth session) the measured searches took twice as long at the median as after a minute.
	 */
	private int warmUp(List<IntConsumer> requests) {
		long until = System.nanoTime() + options.httpWarmup().toNanos();
		int each = 0;
		do {
			requests.forEach(request -> measure(request, 200));
			each += 200;
		}
		while (System.nanoTime() < until);
		return each;
	}

	private Map<String, Object> variables(TimeWindow window) {
		return Map.of("lotId", queries.mainLotId().toString(), "from", window.from().toString(), "to",
				window.to().toString());
	}

	private static Percentiles measure(IntConsumer request, int count) {
		return Percentiles.of(times(request, count));
	}

	private static List<Double> times(IntConsumer request, int count) {
		List<Double> millis = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			request.accept(i);
			millis.add((System.nanoTime() - start) / 1e6);
		}
		return millis;
	}
}
