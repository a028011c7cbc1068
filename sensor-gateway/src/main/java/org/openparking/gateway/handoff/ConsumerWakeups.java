package org.openparking.gateway.handoff;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Wakes the consumers of {@code sensor_observation} with {@code pg_notify} once hand-offs have committed: from one
 * thread per instance, in a transaction of its own. Hand-offs that commit while a notification is on its way share
 * the next one (its count is their sum, its lots their union).
 * <p>
 * Why not inside the hand-off: PostgreSQL lets one transaction with a pending NOTIFY commit at a time in the whole
 * database (a lock held through the commit's WAL flush), so the lanes' commits queued behind each other; sampled
 * during {@code bin/bench-gateway --rate=5000}, 65 of 120 samples of the gateway's connections were a COMMIT waiting
 * for that lock or flushing under it. A notification lost to a crash only delays: consumers look anyway.
 */
@Component
class ConsumerWakeups implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ConsumerWakeups.class);

	private static final String CHANNEL = "sensor_observation";

	/** pg_notify payloads must stay under 8000 bytes; beyond this many lots a consumer rescans everything. */
	private static final int MAX_NOTIFIED_LOTS = 100;

	/** Starts before and stops after the ingest lanes, so the last hand-offs are notified. */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 200;

	private final JdbcTemplate jdbc;

	private final Object lock = new Object();

	private int count;

	private final Set<UUID> lots = new TreeSet<>();

	private boolean running;

	private Thread thread;

	ConsumerWakeups(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Called after a hand-off committed {@code inserted} new rows of {@code touched} lots. */
	void committed(int inserted, Set<UUID> touched) {
		if (inserted == 0) {
			return;
		}
		synchronized (lock) {
			count += inserted;
			if (lots.size() <= MAX_NOTIFIED_LOTS) {
				lots.addAll(touched);
			}
			lock.notifyAll();
		}
	}

	private void run() {
		while (true) {
			String payload;
			synchronized (lock) {
				while (count == 0 && running) {
					waitOn();
				}
				if (count == 0) {
					return;
				}
				payload = payload();
				count = 0;
				lots.clear();
			}
			send(payload);
		}
	}

	private String payload() {
		String lotList = lots.size() > MAX_NOTIFIED_LOTS ? ""
				: lots.stream().map(lot -> "\"" + lot + "\"").collect(Collectors.joining(","));
		return "{\"count\":" + count + ",\"lots\":[" + lotList + "]}";
	}

	private void send(String payload) {
		try {
			jdbc.query("select pg_notify(?, ?)", rs -> null, CHANNEL, payload);
		}
		catch (RuntimeException ex) { // the thread must go on: the next hand-off needs it
			log.warn("Could not wake the observation consumers ({}); they will look by themselves", ex.toString());
		}
	}

	private void waitOn() {
		try {
			lock.wait();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	@Override
	public void start() {
		synchronized (lock) {
			running = true;
		}
		thread = Thread.ofPlatform().name("consumer-wakeups").daemon().start(this::run);
	}

	@Override
	public void stop() {
		synchronized (lock) {
			running = false;
			lock.notifyAll();
		}
		try {
			thread.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (lock) {
			return running;
		}
	}

	@Override
	public int getPhase() {
		return PHASE;
	}
}
