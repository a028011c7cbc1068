package org.openparking.api.live.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.lots.LotId;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes relay work off the threads that publish domain events (a hold placement must not wait for Redis twice).
 * Each lot maps to one single-threaded lane, so the events of a lot reach Redis in the order they happened; the
 * queues are bounded and drop on overflow, because a live update is worth less than the request that caused it.
 * The lanes drain and stop in the first shutdown phase, while the Redis connection factory still runs; events after
 * that count as dropped instead of failing one by one against a stopped connection.
 */
@Component
class RelayLanes implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RelayLanes.class);

	private final LiveProperties properties;

	/** New executors on every start: a context in a test cache is stopped while paused and started again. */
	private final ExecutorService[] lanes;

	private final AtomicLong dropped = new AtomicLong();

	private volatile boolean running;

	RelayLanes(LiveProperties properties) {
		this.properties = properties;
		this.lanes = new ExecutorService[Math.max(1, properties.relayLanes())];
	}

	void run(LotId lot, Runnable work) {
		if (!running) {
			return; // shutting down: the event is dropped like on overflow, quietly
		}
		lanes[Math.floorMod(lot.value().hashCode(), lanes.length)].execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.warn("Could not relay a live event of lot {}: {}", lot, ex.toString());
			}
		});
	}

	private void dropped() {
		long total = dropped.incrementAndGet();
		if (Long.bitCount(total) == 1) { // 1, 2, 4, 8...: visible without flooding the log
			log.warn("Live relay queue full: {} events dropped so far", total);
		}
	}

	@Override
	public synchronized void start() {
		for (int i = 0; i < lanes.length; i++) {
			lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
					new ArrayBlockingQueue<>(Math.max(1, properties.relayQueue())),
					Thread.ofVirtual().name("live-relay-" + i).factory(), (task, executor) -> {
						if (!executor.isShutdown()) {
							dropped();
						}
					});
		}
		running = true;
	}

	@Override
	public synchronized void stop() {
		running = false;
		for (ExecutorService lane : lanes) {
			lane.shutdown();
		}
		try {
			for (ExecutorService lane : lanes) {
				lane.awaitTermination(2, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}
}
