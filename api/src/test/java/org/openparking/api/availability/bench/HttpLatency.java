package org.openparking.api.availability.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
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

	/** A warm-up window in which the API's compilers used less than this share of a core ends the warm-up. */
	private static final double JIT_QUIET = 0.01;

	private static final Duration JIT_WINDOW = Duration.ofSeconds(10);

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
			// As FreeSpots runs it.
			jdbc.sql("set plan_cache_mode = force_generic_plan").update();
			IntConsumer bareSql = i -> {
				SqlStatement statement = queries.searchInLot(windows.get(i % windows.size()), null);
				jdbc.sql(statement.sql()).params(statement.params()).query().listOfRows();
			};
			System.out.printf("  first searchSpots, loading the lot's claims into Redis: %s%n", measure(search, 1));
			JitActivity jit = new JitActivity(api.pid());
			Warmup warmup = warmUp(List.of(search, trivial, bareSql), jit);
			int n = options.httpRequests();
			System.out.println();
			System.out.printf("Latency, one request at a time, %d each after %d of each in %d s of warm-up (the API's JIT"
					+ " compilers used %s over its last %d s):%n", n, warmup.each(), warmup.took().toSeconds(),
					warmup.jit(), JIT_WINDOW.toSeconds());
			OptionalLong compiledBefore = jit.cpuNanos();
			long searchesStart = System.nanoTime();
			List<Double> searches = times(search, n);
			String compiling = JitActivity.describe(JitActivity.share(compiledBefore, jit.cpuNanos(),
					Duration.ofNanos(System.nanoTime() - searchesStart)));
			System.out.println("  searchSpots over HTTP (20 offers; spot, lot, commercialState): " + Percentiles.of(searches));
			System.out.println("    the API's JIT compilers meanwhile:                          " + compiling);
			System.out.println("  reference: { __typename } over HTTP:                          " + measure(trivial, n));
			System.out.println("  reference: the page's bare SQL over JDBC (generic plan):      " + measure(bareSql, n));
			jdbc.sql("reset plan_cache_mode").update();
			System.out.println("  the same SQL planned anew each time (PostgreSQL's choice):    " + measure(bareSql, n));
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
	 * Runs the requests in turn, 200 at a time, for at least {@code --http-warmup}, then until the API's JIT compilers
	 * use less than {@link #JIT_QUIET} of a core over {@link #JIT_WINDOW}, for at most {@code --http-max-warmup}. After
	 * 400 of each (the warm-up until the sixth session) the measured searches took twice as long at the median as after
	 * a minute; after a minute the compilers were still busy (see {@link JitActivity}).
	 */
	private Warmup warmUp(List<IntConsumer> requests, JitActivity jit) {
		long start = System.nanoTime();
		long least = start + options.httpWarmup().toNanos();
		long most = start + options.httpMaxWarmup().toNanos();
		long windowStart = start;
		OptionalLong compiledAtWindowStart = jit.cpuNanos();
		String lastWindow = "not measured";
		int each = 0;
		while (true) {
			requests.forEach(request -> measure(request, 200));
			each += 200;
			long now = System.nanoTime();
			boolean quiet = compiledAtWindowStart.isEmpty();
			if (now - windowStart >= JIT_WINDOW.toNanos()) {
				OptionalLong compiled = jit.cpuNanos();
				OptionalDouble share = JitActivity.share(compiledAtWindowStart, compiled,
						Duration.ofNanos(now - windowStart));
				lastWindow = JitActivity.describe(share);
				quiet = share.isEmpty() || share.getAsDouble() < JIT_QUIET;
				windowStart = now;
				compiledAtWindowStart = compiled;
			}
			if (now >= most || (now >= least && quiet)) {
				return new Warmup(each, Duration.ofNanos(now - start), lastWindow);
			}
		}
	}

	private record Warmup(int each, Duration took, String jit) {
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
