package org.openparking.api.holds.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;

import org.openparking.api.ParkingApiApplication;
import org.openparking.api.holds.HoldId;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.security.LocalTokens;
import org.openparking.api.security.Role;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.openparking.api.support.LotFixtures;
import org.openparking.api.support.LotFixtures.TestLot;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test ({@code bin/bench-holds} runs it): how many holds per second {@code holdSpot} places
 * through GraphQL over HTTP, and how many the same hold.lua places when called raw with EVALSHA, on this machine.
 * <p>
 * Starts the API in this JVM against the local PostgreSQL and Redis (own schema and Redis database), seeds a lot of
 * {@code spots} spots by SQL, mints driver tokens, then runs {@code clients} closed-loop clients (platform threads,
 * so they stay off the server's virtual-thread carriers) for a warm-up and a measured period. Request {@code i} holds
 * spot {@code i % spots} for the {@code i / spots}-th quarter hour from tomorrow on, as user {@code i / 3}: every
 * hold can succeed and no user passes the limit of three. The raw phase does the same on a second lot over
 * {@code connections} Lettuce connections. Both phases share the machine's two cores with everything else.
 * <p>
 * Options ({@code --name=value}): spots (500), clients (32), warmup (60s, at least: it goes on until the rate
 * plateaus), rawWarmup (10s), maxWarmup (300s), duration (30s),
 * users (250000), connections (4), rawClients (64), schema (parking_bench), redisDatabase (6); options starting
 * with server., spring., management. or parking. are API settings. Besides holds per
 * second and latency it reports the CPU spent per hold (this JVM, and Redis from INFO), which says what two idle
 * cores could sustain even when other work shares the machine.
 */
public final class HoldsBenchmark {

	private static final Duration SLOT = Duration.ofMinutes(15);

	/** Options with these prefixes go to the API as settings. */
	private static final List<String> APP_PREFIXES = List.of("server.", "spring.", "management.", "parking.");

	private static final String MUTATION = "mutation($input: HoldSpotInput!) { holdSpot(input: $input) "
			+ "{ hold { id expiresAt } userErrors { code } } }";

	private HoldsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Arrays.stream(args)
			.filter(arg -> arg.startsWith("--") && arg.contains("="))
			.collect(Collectors.toMap(arg -> arg.substring(2, arg.indexOf('=')), arg -> arg.substring(arg.indexOf('=') + 1)));
		int spots = Integer.parseInt(options.getOrDefault("spots", "500"));
		int clients = Integer.parseInt(options.getOrDefault("clients", "32"));
		Duration warmup = Duration.parse("PT" + options.getOrDefault("warmup", "60s"));
		Duration rawWarmup = Duration.parse("PT" + options.getOrDefault("rawWarmup", "10s"));
		Duration maxWarmup = Duration.parse("PT" + options.getOrDefault("maxWarmup", "300s"));
		Duration duration = Duration.parse("PT" + options.getOrDefault("duration", "30s"));
		int users = Integer.parseInt(options.getOrDefault("users", "250000"));
		int connections = Integer.parseInt(options.getOrDefault("connections", "4"));
		int rawClients = Integer.parseInt(options.getOrDefault("rawClients", "64"));
		String schema = options.getOrDefault("schema", "parking_bench");
		int redisDatabase = Integer.parseInt(options.getOrDefault("redisDatabase", "6"));

		// Application settings to try (--server.tomcat.threads.max=16, --spring.threads.virtual.enabled=false...).
		List<String> appSettings = Arrays.stream(args)
			.filter(arg -> APP_PREFIXES.stream().anyMatch(prefix -> arg.startsWith("--" + prefix)))
			.toList();
		List<LotId> benchLots = new ArrayList<>();
		try (ConfigurableApplicationContext api = startApi(schema, redisDatabase, appSettings)) {
			int port = ((WebServerApplicationContext) api).getWebServer().getPort();
			TestLot lot = new LotFixtures(api.getBean(JdbcClient.class)).lot("bench-operator", spots);
			Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
			System.out.printf("API on port %d; lot %s with %d spots; minting %d driver tokens...%n", port, lot.id(),
					spots, users);
			String[] tokens = mint(api.getBean(LocalTokens.class), users);

			StringRedisTemplate redis = api.getBean(StringRedisTemplate.class);
			DoubleSupplier redisCpu = () -> redisCpuSeconds(redis);
			// The raw phase first: what the API leaves running after its phase (the live relay draining its queue)
			// must not eat into it.
			LotId rawLot = LotId.random();
			benchLots.add(rawLot);
			benchLots.add(new LotId(lot.id()));
			List<SpotId> rawSpots = IntStream.range(0, spots).mapToObj(i -> SpotId.random()).toList();
			api.getBean(LotClaimStore.class).rebuild(rawLot, rawSpots, List.of(), Instant.now());
			System.out.println("Raw EVALSHA of hold.lua:");
			LotClaimStore store = api.getBean(LotClaimStore.class);
			// Like the API's ReadyLots: someone else's FLUSHALL (a test on this shared Redis) must not void the phase.
			Runnable reload = () -> store.rebuild(rawLot, rawSpots, List.of(), Instant.now());
			Result raw = rawEvalSha(redisDatabase, connections, rawClients, rawWarmup, maxWarmup, duration, rawLot,
					rawSpots, base, redisCpu, reload);
			System.out.println("holdSpot through GraphQL over HTTP (the JIT needs a long warm-up on a busy machine):");

			Result graphQl = Load.run(clients, warmup, maxWarmup, duration, 3L * users,
					n -> graphQlClient(port, lot.spotIds().stream().map(SpotId::new).toList(), tokens, base), redisCpu);
			long heldInRedis = redis.opsForZSet()
				.zCard(ClaimKeys.holdExpiries(new LotId(lot.id())));

			System.out.println();
			System.out.printf("holdSpot via GraphQL/HTTP  %s (clients=%d)%n", graphQl, clients);
			System.out.printf("  holds in Redis for the lot after the run: %d (placed in all: %d)%n", heldInRedis,
					graphQl.placedInAll());
			System.out.printf("hold.lua via raw EVALSHA   %s (connections=%d, callers=%d)%n", raw, connections,
					rawClients);
			System.out.printf("GraphQL / raw: %.1f%%%n", 100.0 * graphQl.perSecond() / raw.perSecond());
			JdbcClient jdbc = api.getBean(JdbcClient.class);
			for (String table : List.of("tariff", "spot", "lot_level")) {
				jdbc.sql("delete from " + table + " where lot_id = ?").param(lot.id()).update();
			}
			jdbc.sql("delete from lot where id = ?").param(lot.id()).update();
		}
		// Only once the API has stopped: its listeners (live relay, availability) would load the lots again.
		removeKeys(redisDatabase, benchLots);
	}

	private static ConfigurableApplicationContext startApi(String schema, int redisDatabase, List<String> settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + schema,
				"--spring.flyway.schemas=" + schema, "--spring.data.redis.database=" + redisDatabase));
		arguments.addAll(settings);
		if (!settings.isEmpty()) {
			System.out.println("API settings: " + settings);
		}
		return new SpringApplicationBuilder(ParkingApiApplication.class)
			.initializers(context -> context.getBeanFactory()
				.registerSingleton("benchmarkExcludesTestClasses", new TestClassesExcluded()))
			// As command-line arguments, so they win over application.yaml.
			.run(arguments.toArray(String[]::new));
	}

	/** The API is started from the test classpath: its test configurations must not join in. */
	private static final class TestClassesExcluded extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getResource().getURL().toString().contains("/test-classes/");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestClassesExcluded;
		}

		@Override
		public int hashCode() {
			return TestClassesExcluded.class.hashCode();
		}
	}

	private static String[] mint(LocalTokens tokens, int users) {
		return IntStream.range(0, users)
			.parallel()
			.mapToObj(i -> tokens.mint("bench-driver-" + i + "-" + System.nanoTime(), Role.DRIVER))
			.toArray(String[]::new);
	}

	private static TimeWindow window(Instant base, int spots, long request) {
		Instant from = base.plus(SLOT.multipliedBy(request / spots));
		return new TimeWindow(from, from.plus(SLOT));
	}

	private static Load.Client graphQlClient(int port, List<SpotId> spots, String[] tokens, Instant base) {
		KeepAliveHttp http = new KeepAliveHttp(port, "/graphql");
		return request -> {
			TimeWindow window = window(base, spots.size(), request);
			String body = "{\"query\":\"" + MUTATION + "\",\"variables\":{\"input\":{\"spotId\":\""
					+ spots.get((int) (request % spots.size())).value() + "\",\"from\":\"" + window.from()
					+ "\",\"to\":\"" + window.to() + "\"}}}";
			return http.post(tokens[(int) (request / 3)], body).contains("\"hold\":{\"id\"");
		};
	}

	@SuppressWarnings("rawtypes")
	private static Result rawEvalSha(int database, int connections, int callers, Duration warmup,
			Duration maxWarmup, Duration duration,
			LotId lot, List<SpotId> spots, Instant base, DoubleSupplier redisCpu, Runnable reload)
			throws InterruptedException {
		RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(6379)
			.withDatabase(database).build());
		try {
			List<StatefulRedisConnection<String, String>> pool = new ArrayList<>();
			for (int i = 0; i < connections; i++) {
				pool.add(client.connect());
			}
			String script = new ClaimScripts().holdScript().getScriptAsString();
			String sha = pool.getFirst().sync().scriptLoad(script);
			IntFunction<Load.Client> callerOn = n -> {
				var redis = pool.get(n % connections).sync();
				return request -> {
					Instant now = Instant.now();
					LotClaimStore.ScriptCall call = LotClaimStore.holdCall(HoldId.newIn(lot),
							new UserId("raw-user-" + request / 3), List.of(spots.get((int) (request % spots.size()))),
							true, window(base, spots.size(), request), now, now.plus(Duration.ofMinutes(10)), 3);
					String[] args = Arrays.stream(call.args()).map(String::valueOf).toArray(String[]::new);
					List reply;
					try {
						reply = redis.evalsha(sha, ScriptOutputType.MULTI, call.keys().toArray(String[]::new), args);
					}
					catch (RedisNoScriptException ex) { // a SCRIPT FLUSH elsewhere; the API reloads the same way
						redis.scriptLoad(script);
						reply = redis.evalsha(sha, ScriptOutputType.MULTI, call.keys().toArray(String[]::new), args);
					}
					if ("NOT_READY".equals(reply.getFirst())) {
						reload.run();
						reply = redis.evalsha(sha, ScriptOutputType.MULTI, call.keys().toArray(String[]::new), args);
					}
					return "OK".equals(reply.getFirst());
				};
			};
			return Load.run(callers, warmup, maxWarmup, duration, Long.MAX_VALUE, callerOn, redisCpu);
		}
		finally {
			client.shutdown();
		}
	}

	private static double redisCpuSeconds(StringRedisTemplate redis) {
		Properties cpu = redis.execute((RedisCallback<Properties>) connection -> connection
			.serverCommands()
			.info("cpu"));
		return Double.parseDouble(cpu.getProperty("used_cpu_user")) + Double.parseDouble(cpu.getProperty("used_cpu_sys"));
	}

	private static void removeKeys(int database, List<LotId> lots) {
		LettuceConnectionFactory connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 6379));
		connections.setDatabase(database);
		connections.afterPropertiesSet();
		connections.start();
		try {
			StringRedisTemplate redis = new StringRedisTemplate(connections);
			for (LotId lot : lots) {
				String pattern = ClaimKeys.ready(lot).replace("ready", "*").replace("{", "\\{").replace("}", "\\}");
				try (var keys = redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())) {
					List<String> batch = new ArrayList<>();
					keys.forEachRemaining(key -> {
						batch.add(key);
						if (batch.size() == 1000) {
							redis.unlink(batch);
							batch.clear();
						}
					});
					redis.unlink(batch);
				}
			}
		}
		finally {
			connections.destroy();
		}
	}

	/** Throughput and latency of one phase, counted over the measured period only. */
	record Result(long placed, long refused, long failed, double seconds, long p50Micros, long p99Micros,
			long maxMicros, long placedInAll, double jvmCpuMicrosPerHold, double javaThreadsCpuMicrosPerHold,
			double redisCpuMicrosPerHold) {

		double perSecond() {
			return placed / seconds;
		}

		/** Holds per second two otherwise idle cores could sustain, from the CPU this run spent per hold. */
		double cpuBoundPerSecond() {
			return 2_000_000 / (jvmCpuMicrosPerHold + redisCpuMicrosPerHold);
		}

		@Override
		public String toString() {
			return ("%,.0f holds/s over %.1f s: %,d placed, %d refused, %d failed; latency p50 %.2f ms, p99 %.2f ms, "
					+ "max %.1f ms%n    CPU per hold: %.0f us in this JVM (server and load generator; %.0f us of it in "
					+ "Java threads, the rest JIT compiler, GC, JFR), %.0f us in Redis; two idle cores would sustain "
					+ "~%,.0f holds/s")
				.formatted(perSecond(), seconds, placed, refused, failed, p50Micros / 1000.0, p99Micros / 1000.0,
						maxMicros / 1000.0, jvmCpuMicrosPerHold, javaThreadsCpuMicrosPerHold, redisCpuMicrosPerHold,
						cpuBoundPerSecond());
		}
	}

	/**
	 * Closed-loop clients on platform threads, each issuing the next request index as soon as it has an answer. The
	 * warm-up lasts at least {@code warmup} and then until the rate stops climbing (the JIT has caught up: on a busy
	 * machine that can take minutes), at most {@code maxWarmup}; then {@code duration} is measured.
	 */
	static final class Load {

		private static final long WINDOW_NANOS = Duration.ofSeconds(5).toNanos();

		interface Client {

			boolean call(long request) throws Exception;
		}

		private final AtomicLong next = new AtomicLong();

		private final AtomicLong placedInAll = new AtomicLong();

		private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

		private final long start = System.nanoTime();

		private volatile long measureFrom = Long.MAX_VALUE;

		private volatile long measureTo = Long.MAX_VALUE;

		private double jvmCpuAtMeasureFrom;

		private Map<Long, Long> javaThreadsCpuAtMeasureFrom = Map.of();

		private double redisCpuAtMeasureFrom;

		/** @param redisCpuSeconds CPU the Redis server has used so far (INFO cpu) */
		static Result run(int clients, Duration warmup, Duration maxWarmup, Duration duration, long maxRequests,
				IntFunction<Client> clientFactory, DoubleSupplier redisCpuSeconds) throws InterruptedException {
			return new Load().drive(clients, warmup, maxWarmup, duration, maxRequests, clientFactory, redisCpuSeconds);
		}

		private Result drive(int clients, Duration warmup, Duration maxWarmup, Duration duration, long maxRequests,
				IntFunction<Client> clientFactory, DoubleSupplier redisCpuSeconds) throws InterruptedException {
			long[][] latencies = new long[clients][];
			long[] counts = new long[clients * 3];
			List<Thread> threads = new ArrayList<>();
			for (int n = 0; n < clients; n++) {
				int id = n;
				threads.add(Thread.ofPlatform().name("bench-client-" + n).start(() -> {
					latencies[id] = callUntilDone(clientFactory.apply(id), maxRequests, counts, id);
				}));
			}
			Thread pacer = Thread.ofPlatform().daemon().start(() -> pace(warmup, maxWarmup, duration, redisCpuSeconds));
			for (Thread thread : threads) {
				thread.join();
			}
			pacer.interrupt();
			pacer.join();
			long end = Math.min(System.nanoTime(), measureTo);
			double jvmCpu = jvmCpuSeconds() - jvmCpuAtMeasureFrom;
			double javaThreadsCpu = javaThreadsCpuSince(javaThreadsCpuAtMeasureFrom);
			double redisCpu = redisCpuSeconds.getAsDouble() - redisCpuAtMeasureFrom;
			long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
			long placed = 0, refused = 0, failed = 0;
			for (int n = 0; n < clients; n++) {
				placed += counts[n * 3];
				refused += counts[n * 3 + 1];
				failed += counts[n * 3 + 2];
			}
			long measured = Math.max(1, placed + refused + failed);
			return new Result(placed, refused, failed, Math.max(0, end - measureFrom) / 1e9,
					percentile(all, 0.50) / 1000, percentile(all, 0.99) / 1000,
					all.length == 0 ? 0 : all[all.length - 1] / 1000, placedInAll.get(), jvmCpu * 1e6 / measured,
					javaThreadsCpu * 1e6 / measured,
					redisCpu * 1e6 / measured);
		}

		/** Returns this client's latencies within the measured period; counts placed, refused, failed there. */
		private long[] callUntilDone(Client client, long maxRequests, long[] counts, int id) {
			long[] mine = new long[1 << 16];
			int recorded = 0;
			long request;
			while (System.nanoTime() < measureTo && (request = next.getAndIncrement()) < maxRequests) {
				long t0 = System.nanoTime();
				int outcome;
				try {
					outcome = client.call(request) ? 0 : 1;
				}
				catch (Exception ex) {
					outcome = 2;
					if (firstFailure.compareAndSet(null, ex)) {
						System.err.println("First failure: " + ex);
					}
				}
				long t1 = System.nanoTime();
				if (outcome == 0) {
					placedInAll.incrementAndGet();
				}
				if (t0 >= measureFrom && t1 <= measureTo) {
					counts[id * 3 + outcome]++;
					if (recorded == mine.length) {
						mine = Arrays.copyOf(mine, mine.length * 2);
					}
					mine[recorded++] = t1 - t0;
				}
			}
			return Arrays.copyOf(mine, recorded);
		}

		/** Prints the rate every five seconds, ends the warm-up when it plateaus, and the run after the duration. */
		private void pace(Duration warmup, Duration maxWarmup, Duration duration, DoubleSupplier redisCpuSeconds) {
			long seen = 0;
			double best = 0;
			int flatWindows = 0;
			try {
				while (true) {
					Thread.sleep(Duration.ofNanos(WINDOW_NANOS));
					long now = System.nanoTime();
					long done = next.get();
					double rate = (done - seen) * 1e9 / WINDOW_NANOS;
					seen = done;
					boolean warming = measureFrom == Long.MAX_VALUE;
					System.out.printf("  %5.0f s: %,8.0f requests/s%s%n", (now - start) / 1e9, rate,
							warming ? " (warm-up)" : "");
					if (!warming) {
						continue;
					}
					flatWindows = rate > best * 1.1 ? 0 : flatWindows + 1;
					best = Math.max(best, rate);
					long warmedFor = now - start;
					// 30 s without a new high by 10%: on a shared machine the rate is noisy, and the JIT finishes late.
					if ((warmedFor >= warmup.toNanos() && flatWindows >= 6) || warmedFor >= maxWarmup.toNanos()) {
						jvmCpuAtMeasureFrom = jvmCpuSeconds();
						javaThreadsCpuAtMeasureFrom = javaThreadsCpu();
						redisCpuAtMeasureFrom = redisCpuSeconds.getAsDouble();
						measureTo = now + duration.toNanos();
						measureFrom = now;
					}
				}
			}
			catch (InterruptedException ex) {
				// the run is over
			}
		}

		/**
		 * CPU nanoseconds of each live platform thread (virtual threads run on carriers, which are counted). JIT
		 * compiler and GC threads are not among them: on a busy machine the JIT works long into the measured period,
		 * and this share says what the code itself costs.
		 */
		private static Map<Long, Long> javaThreadsCpu() {
			var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
			long[] ids = threads.getAllThreadIds();
			long[] cpu = threads.getThreadCpuTime(ids);
			Map<Long, Long> byThread = new java.util.HashMap<>();
			for (int i = 0; i < ids.length; i++) {
				if (cpu[i] >= 0) {
					byThread.put(ids[i], cpu[i]);
				}
			}
			return byThread;
		}

		/** Seconds; threads that ended meanwhile are lost, which the benchmark's long-lived threads make rare. */
		private static double javaThreadsCpuSince(Map<Long, Long> before) {
			long nanos = 0;
			for (var thread : javaThreadsCpu().entrySet()) {
				nanos += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
			}
			return nanos / 1e9;
		}

		private static double jvmCpuSeconds() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime() / 1e9;
		}

		private static long percentile(long[] sorted, double p) {
			return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
		}
	}
}
