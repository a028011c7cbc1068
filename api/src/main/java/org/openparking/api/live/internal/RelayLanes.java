package org.openparking.api.live.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.lots.LotId;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Takes relay work off the threads that publish domain events (a hold placement must not wait for Redis twice).
 * Each lot maps to one single-threaded lane, so the events of a lot reach Redis in the order they happened; the
 * queues are bounded and drop on overflow, because a live update is worth less than the request that caused it.
 */
@Component
class RelayLanes implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RelayLanes.class);

	private final ExecutorService[] lanes;

	private final AtomicLong dropped = new AtomicLong();

	RelayLanes(LiveProperties properties) {
		this.lanes = new ExecutorService[Math.max(1, properties.relayLanes())];
		for (int i = 0; i < lanes.length; i++) {
			lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
					new ArrayBlockingQueue<>(Math.max(1, properties.relayQueue())),
					Thread.ofVirtual().name("live-relay-" + i).factory(), (task, executor) -> dropped());
		}
	}

	void run(LotId lot, Runnable work) {
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
	public void destroy() throws InterruptedException {
		for (ExecutorService lane : lanes) {
			lane.shutdown();
		}
		for (ExecutorService lane : lanes) {
			lane.awaitTermination(2, TimeUnit.SECONDS);
		}
	}
}
