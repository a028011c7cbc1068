package org.openparking.api.sensing.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes {@code sensor_observation}: LISTENs to the gateway's NOTIFY for promptness and looks anyway every
 * {@code poll-interval}, so a lost notification (or a restarted listener) delays an observation, never drops it.
 * <p>
 * Several API nodes consume side by side: a pass locks the one cursor row (FOR UPDATE SKIP LOCKED), so one node
 * applies at a time and the others skip (the one holding it drains what arrived). The watermark moves past the
 * observations a pass applied in the same transaction as their effects, so each takes effect once (one applied
 * without the cursor, in the fallback below, is recorded in {@code sensing_applied}). The ids the watermark
 * passes over (a gateway transaction that commits after later ids were consumed) are kept as gaps and looked up by
 * id on every pass until their rows come, or for {@code reread-window}.
 * A batch that fails is retried one observation per transaction; an observation that fails alone is logged and
 * skipped, so one bad row never stalls the stream.
 * <p>
 * Metrics, for passes that applied something: {@code sensing.consumer.pass} (how long each took, commit included),
 * {@code sensing.consumer.batch} (its observations) and {@code sensing.consumer.lag} (from the gateway's receipt of
 * its oldest observation to the pass's start: how far behind the sensors the consumer runs).
 */
@Component
class ObservationConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ObservationConsumer.class);

	/** Background threads are named so; tests that count SQL statements leave them out. */
	static final String THREAD_PREFIX = "sensing-";

	private final DataSource dataSource;

	private final SensorStream stream;

	private final ObservationApplier applier;

	private final TransactionTemplate transaction;

	private final SensingProperties properties;

	private final Clock clock;

	private final Timer passes;

	private final DistributionSummary batches;

	private final Timer lag;

	private volatile boolean running;

	private Thread thread;

	ObservationConsumer(DataSource dataSource, SensorStream stream, ObservationApplier applier,
			PlatformTransactionManager transactions, SensingProperties properties, Clock clock, MeterRegistry meters) {
		this.dataSource = dataSource;
		this.stream = stream;
		this.applier = applier;
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
		this.passes = Timer.builder("sensing.consumer.pass")
			.description("Consumer passes that applied sensor observations, commit included")
			.register(meters);
		this.batches = DistributionSummary.builder("sensing.consumer.batch")
			.description("Sensor observations applied per pass")
			.register(meters);
		this.lag = Timer.builder("sensing.consumer.lag")
			.description("From the gateway's receipt of a pass's oldest observation to the start of the pass")
			.register(meters);
	}

	/** Applies what is there now, until nothing is left or another node holds the cursor; the number applied. */
	int drain() {
		int total = 0;
		int applied;
		do {
			applied = pass();
			total += Math.max(applied, 0);
		}
		while (applied >= properties.batchSize());
		return total;
	}

	/** One batch; -1 when another node holds the cursor. */
	private int pass() {
		Instant now = clock.instant();
		long started = System.nanoTime();
		try {
			List<ObservationRow> applied = transaction.execute(tx -> next().map(batch -> {
				applier.apply(batch.rows(), now);
				finish(batch.rows(), OptionalLong.of(batch.watermark()), batch.readTo(), now);
				return batch.rows();
			}).orElse(null));
			if (applied == null) {
				return -1;
			}
			measure(applied, now, System.nanoTime() - started);
			return applied.size();
		}
		catch (RuntimeException ex) {
			log.warn("A batch of sensor observations failed ({}); applying them one by one", ex.toString());
			return oneByOne(now);
		}
	}

	private void measure(List<ObservationRow> applied, Instant now, long nanos) {
		if (applied.isEmpty()) {
			return;
		}
		passes.record(nanos, TimeUnit.NANOSECONDS);
		batches.record(applied.size());
		applied.stream()
			.map(ObservationRow::receivedAt)
			.min(Comparator.naturalOrder())
			// The gateway's clock may run ahead of this node's (or a test's clock stand behind it): no lag, not a
			// negative one, which Micrometer refuses with a logged stack trace.
			.map(oldest -> Duration.between(oldest, now))
			.ifPresent(age -> lag.record(age.isNegative() ? Duration.ZERO : age));
	}

	private int oneByOne(Instant now) {
		List<ObservationRow> rows = transaction.execute(tx -> next().map(SensorStream.Batch::rows).orElse(List.of()));
		for (ObservationRow row : rows == null ? List.<ObservationRow>of() : rows) {
			try {
				transaction.executeWithoutResult(tx -> {
					OptionalLong watermark = lockCursor();
					// The rows were read in a transaction of their own: another node's pass may have applied some.
					if (watermark.isPresent() && stream.pending(row.id())) {
						applier.apply(List.of(row), now);
						finish(List.of(row), watermark, row.id(), now);
					}
				});
			}
			catch (RuntimeException ex) {
				log.error("Skipped sensor observation {} of device {}: it cannot be applied", row.id(), row.deviceId(),
						ex);
				transaction.executeWithoutResult(tx -> finish(List.of(row), lockCursor(), row.id(), now));
			}
		}
		return rows == null ? 0 : rows.size();
	}

	private Optional<SensorStream.Batch> next() {
		return stream.next(properties.passesWaitForDisk(), properties.batchSize());
	}

	private OptionalLong lockCursor() {
		return stream.lockCursor(properties.passesWaitForDisk());
	}

	/**
	 * Records the rows as applied and moves the watermark up to {@code readTo}, in one statement. Without the cursor
	 * (another node holds it) the rows only count as applied; that node moves the watermark.
	 */
	private void finish(List<ObservationRow> rows, OptionalLong watermark, long readTo, Instant now) {
		stream.finish(rows.stream().map(ObservationRow::id).toList(), watermark, readTo, properties.maxGaps(), now);
	}

	private void run() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				try (Statement listen = connection.createStatement()) {
					listen.execute("listen sensor_observation");
				}
				PGConnection notifications = connection.unwrap(PGConnection.class);
				drain();
				int timeout = (int) Math.max(1, properties.pollInterval().toMillis());
				while (running) {
					notifications.getNotifications(timeout); // woken early by a NOTIFY; either way, look
					drain();
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (running) {
					log.warn("Sensor observation consumer failed ({}); restarting in 1 s", ex.toString());
					sleep();
				}
			}
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		if (!properties.consumerEnabled()) {
			return;
		}
		running = true;
		thread = Thread.ofPlatform().name(THREAD_PREFIX + "consumer").daemon().start(this::run);
	}

	@Override
	public void stop() {
		running = false;
		if (thread != null) {
			try {
				thread.join(properties.pollInterval().toMillis() + 2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
