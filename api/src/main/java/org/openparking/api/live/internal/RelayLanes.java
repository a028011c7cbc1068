package org.openparking.api.live.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.lots.LotId;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes relay work off the threads that publish domain events (a hold placement must not wait for Redis twice).
 * Each lot maps to one lane, a thread with a bounded queue, so the events of a lot reach Redis in the order they
 * happened. A lane takes whatever has queued up at once: consecutive spot changes go to Redis together (one state
 * read per lot, one pipelined round trip of messages), and so do consecutive messages that need nothing read first
 * (alerts, observations), so a lot with thousands of holds or sensor readings a second does not outrun its lane. Queues drop on overflow, because a live update is worth less than the request that caused it. The lanes drain
 * and stop in the first shutdown phase, while the Redis connection factory still runs; events after that count as
 * dropped instead of failing one by one against a stopped connection.
 */
@Component
class RelayLanes implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RelayLanes.class);

	/** The most a lane takes at once: one pipelined round trip stays short (a few hundred kilobytes at most). */
	static final int BATCH = 1024;

	private final LiveProperties properties;

	private final LivePublisher publisher;

	/** New queues and threads on every start: a context in a test cache is stopped while paused and started again. */
	private volatile List<BlockingQueue<Object>> queues = List.of();

	private List<Thread> threads = List.of();

	private final Drops dropped = new Drops(log, "Live relay queue full: {} events dropped so far");

	private volatile boolean running;

	RelayLanes(LiveProperties properties, LivePublisher publisher) {
		this.properties = properties;
		this.publisher = publisher;
	}

	void run(LotId lot, Runnable work) {
		enqueue(lot, work);
	}

	void spotChanged(SpotChange change) {
		enqueue(change.lot(), change);
	}

	void publish(LotId lot, Publication publication) {
		enqueue(lot, publication);
	}

	private void enqueue(LotId lot, Object task) {
		if (!running) {
			return; // shutting down: the event is dropped like on overflow, quietly
		}
		List<BlockingQueue<Object>> lanes = queues;
		if (lanes.isEmpty() || !lanes.get(Math.floorMod(lot.value().hashCode(), lanes.size())).offer(task)) {
			dropped.add();
		}
	}

	private void drain(BlockingQueue<Object> queue) {
		List<Object> batch = new ArrayList<>(BATCH);
		while (running || !queue.isEmpty()) {
			try {
				Object first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, BATCH - 1);
				relay(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	/** In order; each run of spot changes, and each run of ready messages, goes to Redis as one round trip. */
	private void relay(List<Object> batch) {
		List<SpotChange> changes = new ArrayList<>();
		List<Publication> publications = new ArrayList<>();
		for (Object task : batch) {
			switch (task) {
				case SpotChange change -> {
					publishAll(publications);
					changes.add(change);
				}
				case Publication publication -> {
					publishChanges(changes);
					publications.add(publication);
				}
				case Runnable work -> {
					publishChanges(changes);
					publishAll(publications);
					safely(work);
				}
				default -> throw new IllegalStateException("Not a relay task: " + task);
			}
		}
		publishChanges(changes);
		publishAll(publications);
	}

	private void publishChanges(List<SpotChange> changes) {
		if (!changes.isEmpty()) {
			safely(() -> publisher.spotsChanged(changes));
			changes.clear();
		}
	}

	private void publishAll(List<Publication> publications) {
		if (!publications.isEmpty()) {
			safely(() -> publisher.publishAll(publications));
			publications.clear();
		}
	}

	private static void safely(Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			log.warn("Could not relay live events: {}", ex.toString());
		}
	}

	/** Events dropped since start, for tests and benchmarks. */
	long droppedSoFar() {
		return dropped.total();
	}

	@Override
	public synchronized void start() {
		List<BlockingQueue<Object>> lanes = new ArrayList<>();
		for (int i = 0; i < Math.max(1, properties.relayLanes()); i++) {
			lanes.add(new ArrayBlockingQueue<>(Math.max(1, properties.relayQueue())));
		}
		queues = List.copyOf(lanes);
		running = true;
		List<Thread> started = new ArrayList<>();
		for (int i = 0; i < lanes.size(); i++) {
			BlockingQueue<Object> queue = lanes.get(i);
			started.add(Thread.ofVirtual().name("live-relay-" + i).start(() -> drain(queue)));
		}
		threads = List.copyOf(started);
	}

	@Override
	public synchronized void stop() {
		running = false;
		try {
			for (Thread thread : threads) {
				thread.join(2000);
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
