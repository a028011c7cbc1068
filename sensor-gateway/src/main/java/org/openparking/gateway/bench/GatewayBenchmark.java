package org.openparking.gateway.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openparking.gateway.bench.LoadPublisher.Readings;

/**
 * Publishes readings with N publishers for a fixed time against a running gateway (see bin/bench-gateway) and
 * reports, from the same run: the rate at which readings were durably handed off end to end (publish to
 * sensor_observation row) with the publish-to-hand-off latency, beside the broker's own rate to a plain subscriber.
 * The gateway must run with a zero debounce, so every reading (each one flips its spot) is one observation.
 * <p>
 * The run's lot is new to every stage. Its first contact, each sensor's first reading, is published and reported
 * first, apart ({@link #firstContact}); the measured run continues the same sensors' readings: a lot in service.
 * <p>
 * The broker's reference is measured on its own before the warm-up, for as long and at the same offered rate as the
 * run, on topics the gateway does not subscribe to ({@value #REFERENCE_TOPICS}): beside the gateway, a reference
 * subscriber made the broker deliver every reading twice and itself took 16-19 % of one of the machine's two cores.
 * <p>
 * Options: --broker=tcp://127.0.0.1:18830 --jdbc=jdbc:postgresql://... --publishers=4 --devices=2000
 * --duration=30s --rate=0 (total readings/s, 0 = as fast as the window allows) --window=500 --warmup=120s (an
 * unmeasured round first, on other devices; at 1,000 readings/s through the api, the api's JIT compiler threads still
 * took 61 % of its CPU after a 15 s warm-up and 26 % after 75 s; at 5,000/s they took 1.12-3.40 CPU-seconds of the
 * run's first 12 after 60 s, 0.55 after 120 s) --gateway=http://127.0.0.1:18081 (print its counters) --keep
 * --api=http://127.0.0.1:18180 --token=JWT (also subscribe to the lot's spotObservationChanged on a running api that
 * consumes the same database, and report publish-to-event rate and latency, per second how many events were late
 * ({@link LatenessTimeline}), where their time went ({@link StageBreakdown}) and the api consumer's passes
 * ({@link ConsumerPasses}))
 */
public final class GatewayBenchmark {

	private static final String SENSOR_TOPICS = "parking/v1/sensors/";

	/** As long as {@link #SENSOR_TOPICS}, so the broker moves as many bytes. */
	static final String REFERENCE_TOPICS = "parking/v1/raw-ref/";

	private static final Duration AUTOVACUUM_INTERVAL = Duration.ofSeconds(15);

	private static final Duration METRICS_DURING_WARMUP = Duration.ofSeconds(5);

	/** Each sensor's first reading (occupied), and no more. */
	private static final Readings FIRST_CONTACT = new Readings(0, 1);

	/** A time no first contact takes: it ends with each sensor's reading. */
	private static final Duration FIRST_CONTACT_LIMIT = Duration.ofMinutes(1);

	/** The run: each sensor's readings from its second on. */
	private static final Readings AFTER_FIRST_CONTACT = new Readings(1, Long.MAX_VALUE);

	private GatewayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		String broker = options.getOrDefault("broker", "tcp://127.0.0.1:18830");
		String jdbc = options.getOrDefault("jdbc",
				"jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=bench_gateway&user=postgres");
		int publishers = Integer.parseInt(options.getOrDefault("publishers", "4"));
		int devices = Integer.parseInt(options.getOrDefault("devices", "2000"));
		Duration duration = Duration.parse("PT" + options.getOrDefault("duration", "30s").toUpperCase());
		double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
		int window = Integer.parseInt(options.getOrDefault("window", "500"));
		String run = "bench" + UUID.randomUUID().toString().substring(0, 8);
		Duration warmup = Duration.parse("PT" + options.getOrDefault("warmup", "120s").toUpperCase());
		Load load = new Load(broker, publishers, rate, window, options.get("api"), options.get("token"));
		try (Connection db = DriverManager.getConnection(jdbc)) {
			SensorLot lot = SensorLot.create(db, run, devices, "bench");
			// The warm-up's lot is deleted after the run (also when a step before it fails): deleting it cascades through
			// every row its readings left, and that must not run beside the measurement, nor leave the api idle before it.
			SensorLot warmupLot = warmup.isZero() ? null : SensorLot.create(db, run + "w", devices, "bench");
			try {
				double brokerRate = reference(load, run, lot, duration);
				// Both subscribers and the metrics reader are there before the warm-up and stay until the run is over
				// (see warmUp).
				try (ApiSubscriber runEvents = load.events(lot, true);
						ApiSubscriber warmupEvents = warmupLot == null ? null : load.events(warmupLot, false);
						ActuatorMetrics api = load.metrics()) {
					if (warmupLot != null) {
						try (StandInAutovacuum autovacuum = new StandInAutovacuum(jdbc, AUTOVACUUM_INTERVAL)) {
							warmUp(db, load, run + "w", warmupLot, warmup, warmupEvents, api);
						}
					}
					long firstContact = firstContact(db, load, run, lot, runEvents);
					// Right before the measured run too, which has no stand-in beside it (as in the sessions before it
					// came).
					StandInAutovacuum.vacuumAndAnalyze(db);
					measure(db, load, run, lot, firstContact, duration, options, brokerRate, runEvents, api);
				}
			}
			finally {
				if (warmupLot != null) {
					warmupLot.delete(db);
				}
				if (!options.containsKey("keep")) {
					lot.delete(db);
				}
			}
		}
	}

	/** How the benchmark loads the broker, and the api to follow if any. */
	private record Load(String broker, int publishers, double rate, int window, String api, String token) {

		Result publish(String topicRoot, String run, SensorLot lot, Duration duration) throws Exception {
			return publish(topicRoot, run, lot, duration, Readings.FROM_THE_FIRST);
		}

		Result publish(String topicRoot, String run, SensorLot lot, Duration duration, Readings readings)
				throws Exception {
			return GatewayBenchmark.publish(broker, topicRoot, run, lot.deviceIds(), publishers, duration, rate,
					window, readings);
		}

		/** The lot's spotObservationChanged events from the api, each kept if asked; null without an api. */
		ApiSubscriber events(SensorLot lot, boolean keepEach) throws Exception {
			return api == null ? null : new ApiSubscriber(api, token, lot.lotId().toString(), keepEach);
		}

		/** The api's Actuator metrics; null without an api. */
		ActuatorMetrics metrics() {
			return api == null ? null : new ActuatorMetrics(api, token);
		}
	}

	/**
	 * The JIT of the gateway (and the api) needs its share of a small machine first; not measured. Its subscriber must
	 * stay subscribed throughout: in six of nine runs the api cut it off early as TOO_SLOW (after 2,128-8,656 of
	 * 300,000 events), the api's subscription path stayed cold, and in the measured run that followed its compiler
	 * threads took 3.24-3.40 of the first 12 CPU-seconds (1,193 compilations in the run's first 10 s against 39 in
	 * the 10 s before, {@code -XX:+PrintCompilation}); {@link ApiSubscriber} now subscribes again. The broker's
	 * reference runs before the warm-up rather than between it and the run, so the api is not left idle for 20 s
	 * before the run (that this mattered was not shown).
	 * <p>
	 * Nothing the benchmark itself does may be new to the api when the run starts. The warm-up's subscriber used to
	 * close, the run's to connect and the consumer's metrics to be read for the first time right there: a JFR recording
	 * counted 120 deoptimizations in the api in those seconds (WebSocket writes, Jackson, Spring MVC, observations),
	 * and its C2 compiler thread took 0.61 of the run's first CPU-second (per-thread CPU from {@code /proc}). So both
	 * subscribers are open before the warm-up and closed after the run, and the metrics are read every few seconds
	 * during the warm-up as the run reads them at its start and end.
	 * <p>
	 * The run's first seconds were still its worst ({@link LatenessTimeline}: 12,846-13,542 of 100,000 events more than
	 * 100 ms late in the first four seconds of three runs): its lot was new. Warming up in two halves, each on a new lot
	 * with a new subscriber after a vacuum, as the run did, left 2,515, 5,172, 10,489 and 14,112 late there in four
	 * runs: not kept. The lot's first contact is measured apart now ({@link #firstContact}).
	 */
	private static void warmUp(Connection db, Load load, String run, SensorLot lot, Duration warmup,
			ApiSubscriber events, ActuatorMetrics api) throws Exception {
		Thread metrics = api == null ? null : Thread.ofPlatform().daemon().name("warm-up-metrics").start(() -> {
			try {
				while (true) {
					ConsumerPasses.read(api);
					Thread.sleep(METRICS_DURING_WARMUP);
				}
			}
			catch (InterruptedException ex) {
				// the warm-up is over
			}
			catch (Exception ex) {
				System.err.println("warm-up: could not read the api's metrics: " + ex);
			}
		});
		Result result;
		try {
			result = load.publish(SENSOR_TOPICS, run, lot, warmup);
		}
		finally {
			if (metrics != null) {
				metrics.interrupt();
				metrics.join();
			}
		}
		long handedOff = drain(db, run, 0, result.acknowledged());
		// Waiting for the events instead would leave the api idle for 20 s whenever some were missing (a cold api
		// may cut its subscriber off as TOO_SLOW).
		String applied = events == null ? ""
				: ", %d applied by the api, %d events from it".formatted(
						Arrivals.awaitCount(result.acknowledged(), 1000, () -> applied(db, run, 0)),
						events.arrivals().received());
		System.out.printf("warm-up: %d readings in %s, %d handed off%s%n", result.acknowledged(), warmup, handedOff,
				applied);
	}

	/**
	 * The broker alone: the same publishers and rate to one plain subscriber, on topics no gateway reads; the rate at
	 * which it received.
	 */
	private static double reference(Load load, String run, SensorLot lot, Duration duration) throws Exception {
		try (RawSubscriber raw = new RawSubscriber(load.broker(), REFERENCE_TOPICS, run)) {
			Result result = load.publish(REFERENCE_TOPICS, run, lot, duration);
			raw.arrivals().await(result.acknowledged());
			System.out.printf("reference, the broker alone (%s on %s+/up, before the warm-up): published %d = %.0f/s%n",
					duration, REFERENCE_TOPICS, result.acknowledged(), result.acknowledged() / result.seconds());
			Arrivals arrivals = raw.arrivals();
			double rate = arrivals.received() / result.secondsUntil(arrivals.lastNanos());
			System.out.printf("raw broker -> plain subscriber:   %d received (%d missing) = %.0f/s, latency p50 %d ms, p99 %d ms%n",
					arrivals.received(), result.acknowledged() - arrivals.received(), rate,
					arrivals.latency().percentile(0.5), arrivals.latency().percentile(0.99));
			return rate;
		}
	}

	/**
	 * A new lot coming into service: each of the run lot's sensors reports for the first time (occupied), at the run's
	 * offered rate, and the time to its durable row (and to its event) is reported apart from the run. Every stage
	 * meets each spot and sensor for the first time here, so it does about twice a steady reading's work (rows for
	 * the spot's state and the sensor's health inserted, an alert and a block for every car, the lot's devices and
	 * claims loaded): with 2,000 sensors at 5,000 readings/s, 1.3-2.1 of the two cores were busy in that half second
	 * (0.1 s samples, docs/benchmark-history.md, sixteenth session). The run used to begin with it: in the sixteenth
	 * and seventeenth sessions' runs it left 358-6,035 events more than 100 ms late in the run's first seconds, which
	 * set the run's p99 whenever they passed 1,000. The highest observation id once all of it was handed off: the run
	 * counts the rows after it.
	 */
	private static long firstContact(Connection db, Load load, String run, SensorLot lot, ApiSubscriber events)
			throws Exception {
		if (events != null) {
			events.measureFromNow();
		}
		Result result = load.publish(SENSOR_TOPICS, run, lot, FIRST_CONTACT_LIMIT, FIRST_CONTACT);
		long rows = drain(db, run, 0, result.acknowledged());
		Map<String, Double> handoff = handoff(db, run, 0);
		System.out.printf("first contact, each of the run lot's %d sensors for the first time: %d readings published in"
				+ " %.1f s, %d handed off, latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", lot.deviceIds().size(),
				result.acknowledged(), result.seconds(), rows, handoff.get("p50"), handoff.get("p99"),
				handoff.get("max"));
		if (events != null) {
			Arrivals arrivals = events.arrivals();
			arrivals.await(result.acknowledged());
			System.out.printf("  through the api: %d events (%d missing), latency p50 %d ms, p99 %d ms, max %d ms;"
					+ " later than %d ms: %s%n", arrivals.received(), result.acknowledged() - arrivals.received(),
					arrivals.latency().percentile(0.5), arrivals.latency().percentile(0.99),
					arrivals.latency().percentile(1.0), LatenessTimeline.LATE_MILLIS, arrivals.lateness().describe());
			System.out.println(StageBreakdown.measure(db, run, result.startMillis(), events.events()).describe());
		}
		return lastObservation(db);
	}

	private static long lastObservation(Connection db) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement("select coalesce(max(id), 0) from sensor_observation");
				ResultSet set = statement.executeQuery()) {
			set.next();
			return set.getLong(1);
		}
	}

	/**
	 * The measured run on its own lot (deleted afterwards unless --keep), every sensor of which has reported once
	 * ({@link #firstContact}): the observations after {@code since}.
	 */
	private static void measure(Connection db, Load load, String run, SensorLot lot, long since, Duration duration,
			Map<String, String> options, double brokerRate, ApiSubscriber events, ActuatorMetrics api)
			throws Exception {
		System.out.printf("run %s: %d devices, %d publishers, %s, rate %s, window %d per publisher%s%n", run,
				lot.deviceIds().size(), load.publishers(), duration,
				load.rate() > 0 ? String.valueOf(load.rate()) : "unlimited", load.window(),
				load.api() == null ? "" : ", through the api at " + load.api());
		ConsumerPasses before = api == null ? null : ConsumerPasses.read(api);
		long runStarted = System.nanoTime();
		if (events != null) {
			events.measureFromNow();
		}
		Result result = load.publish(SENSOR_TOPICS, run, lot, duration, AFTER_FIRST_CONTACT);
		long rows = drain(db, run, since, result.acknowledged());
		report(db, run, since, result, rows, brokerRate);
		if (events != null) {
			events.arrivals().await(result.acknowledged());
			reportEvents(db, run, since, result, events);
			System.out.println("  the api's consumer from the run's start to its last event: "
					+ ConsumerPasses.read(api).since(before, (System.nanoTime() - runStarted) / 1e9));
		}
		if (options.containsKey("gateway")) {
			System.out.println("gateway counters since its start (warm-up included): "
					+ GatewayCounters.read(options.get("gateway")));
		}
	}

	private record Result(long acknowledged, long failed, long startNanos, long endNanos, long startMillis) {

		/** From the first publish to the last acknowledgement. */
		double seconds() {
			return secondsUntil(endNanos);
		}

		double secondsUntil(long nanos) {
			return (nanos - startNanos) / 1e9;
		}
	}

	private static Result publish(String broker, String topicRoot, String run, List<String> devices, int publishers,
			Duration duration, double rate, int window, Readings readings) throws Exception {
		long startNanos = System.nanoTime();
		long startMillis = System.currentTimeMillis();
		long stopAt = startNanos + duration.toNanos();
		List<LoadPublisher> all = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int p = 0; p < publishers; p++) {
			List<String> own = new ArrayList<>();
			for (int d = p; d < devices.size(); d += publishers) {
				own.add(devices.get(d));
			}
			LoadPublisher publisher = new LoadPublisher(broker, run + "-pub-" + p, topicRoot, own, stopAt,
					rate / publishers, window, readings);
			all.add(publisher);
			threads.add(Thread.ofPlatform().name("publisher-" + p).start(publisher));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long acknowledged = 0;
		long failed = 0;
		for (LoadPublisher publisher : all) {
			acknowledged += publisher.acknowledged();
			failed += publisher.failed();
			publisher.close();
		}
		return new Result(acknowledged, failed, startNanos, System.nanoTime(), startMillis);
	}

	/**
	 * Waits until every acknowledged reading is an observation (after {@code since}), or nothing moved for 20 s.
	 */
	private static long drain(Connection db, String run, long since, long expected) throws Exception {
		return Arrivals.awaitCount(expected, 500, () -> count(db, run, since));
	}

	private static long count(Connection db, String run, long since) throws Exception {
		try (PreparedStatement statement = db
			.prepareStatement("select count(*) from sensor_observation where device_id like ? || '-%' and id > ?")) {
			statement.setString(1, run);
			statement.setLong(2, since);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static void report(Connection db, String run, long since, Result result, long rows, double brokerRate)
			throws Exception {
		Map<String, Double> handoff = handoff(db, run, since);
		double handoffSeconds = (handoff.get("last") - result.startMillis()) / 1000;
		System.out.printf("%npublished (broker-acknowledged QoS 1): %d in %.1f s = %.0f/s, failed publishes: %d%n",
				result.acknowledged(), result.seconds(), result.acknowledged() / result.seconds(), result.failed());
		System.out.printf("gateway end to end (durable rows): %d handed off (%d missing) = %.0f/s, latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
				rows, result.acknowledged() - rows, rows / handoffSeconds, handoff.get("p50"), handoff.get("p99"),
				handoff.get("max"));
		System.out.printf("gateway / broker alone: %.0f %%%n", 100 * (rows / handoffSeconds) / brokerRate);
	}

	/** The run's observations after {@code since}: the last hand-off (epoch ms) and p50, p99 and max latency to it. */
	private static Map<String, Double> handoff(Connection db, String run, long since) throws SQLException {
		Map<String, Double> handoff = new HashMap<>();
		try (PreparedStatement statement = db.prepareStatement("""
				select extract(epoch from max(handed_off_at)) * 1000,
				       percentile_cont(0.5) within group (order by extract(epoch from handed_off_at - observed_at)) * 1000,
				       percentile_cont(0.99) within group (order by extract(epoch from handed_off_at - observed_at)) * 1000,
				       extract(epoch from max(handed_off_at - observed_at)) * 1000
				from sensor_observation where device_id like ? || '-%' and id > ?""")) {
			statement.setString(1, run);
			statement.setLong(2, since);
			try (ResultSet set = statement.executeQuery()) {
				set.next();
				handoff.put("last", set.getDouble(1));
				handoff.put("p50", set.getDouble(2));
				handoff.put("p99", set.getDouble(3));
				handoff.put("max", set.getDouble(4));
			}
		}
		return handoff;
	}

	/** How many of the run's readings after {@code since} the api's consumer is done with (V170's sensing_consumed). */
	private static long applied(Connection db, String run, long since) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement("""
				select count(*) from sensing_consumed c join sensor_observation o on o.id = c.id
				where o.device_id like ? || '-%' and o.id > ?""")) {
			statement.setString(1, run);
			statement.setLong(2, since);
			try (ResultSet set = statement.executeQuery()) {
				set.next();
				return set.getLong(1);
			}
		}
	}

	/** The whole way: publish to the spotObservationChanged event, and how many the api's consumer applied. */
	private static void reportEvents(Connection db, String run, long since, Result result, ApiSubscriber events)
			throws Exception {
		long applied = applied(db, run, since);
		Arrivals arrivals = events.arrivals();
		System.out.printf("api end to end (subscription):     %d events (%d missing, %d errors) = %.0f/s, latency p50 %d ms, p99 %d ms, max %d ms; %d applied by the api%n",
				arrivals.received(), result.acknowledged() - arrivals.received(), events.errors(),
				arrivals.received() / result.secondsUntil(arrivals.lastNanos()), arrivals.latency().percentile(0.5),
				arrivals.latency().percentile(0.99), arrivals.latency().percentile(1.0), applied);
		System.out.printf("  events later than %d ms, by second since the run began (%s): %s%n",
				LatenessTimeline.LATE_MILLIS, arrivals.lateness().startedAt(), arrivals.lateness().describe());
		System.out.println(StageBreakdown.measure(db, run, result.startMillis(), events.events()).describe());
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("options look like --name=value: " + arg);
			}
			int equals = arg.indexOf('=');
			options.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals),
					equals < 0 ? "" : arg.substring(equals + 1));
		}
		return options;
	}
}
