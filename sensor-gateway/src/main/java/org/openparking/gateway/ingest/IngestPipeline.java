package org.openparking.gateway.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openparking.gateway.uplink.UplinkParser;
import org.openparking.gateway.uplink.UplinkTopics;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Where uplinks enter: the MQTT client hands every message here and moves on. Each device has a fixed lane, so its
 * readings are applied in arrival order on this instance; across instances the per-device state sorts them out.
 */
@Component
public class IngestPipeline implements SmartLifecycle {

	/** Starts before and stops after the MQTT client (which uses the default phase). */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

	private final BatchProcessor processor;

	private final IngestProperties properties;

	private final UplinkParser parser;

	private final UplinkTopics topics;

	private final Clock clock;

	private final List<IngestLane> lanes = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	IngestPipeline(BatchProcessor processor, IngestProperties properties, UplinkParser parser, UplinkTopics topics,
			Clock clock) {
		this.processor = processor;
		this.properties = properties;
		this.parser = parser;
		this.topics = topics;
		this.clock = clock;
	}

	/**
	 * Queues one message. An oversized body is cut to its dead-letter excerpt right here, so a flood of large
	 * garbage costs no memory. Blocks while the device's lane is full.
	 */
	public void submit(String topic, byte[] payload, Runnable acknowledge) throws InterruptedException {
		int keep = parser.bytesWorthKeeping(payload.length);
		byte[] kept = keep == payload.length ? payload : Arrays.copyOf(payload, keep);
		InboundUplink uplink = new InboundUplink(topic, kept, payload.length, clock.instant(), acknowledge);
		String device = topics.deviceSegment(topic);
		int lane = Math.floorMod((device == null ? topic : device).hashCode(), lanes.size());
		lanes.get(lane).put(uplink);
	}

	@Override
	public synchronized void start() {
		for (int i = 0; i < properties.lanes(); i++) {
			IngestLane lane = new IngestLane(processor, properties);
			lanes.add(lane);
			threads.add(Thread.ofPlatform().name("ingest-lane-" + i).daemon().start(lane));
		}
	}

	@Override
	public synchronized void stop() {
		lanes.forEach(IngestLane::stop);
		threads.forEach(thread -> {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		lanes.clear();
		threads.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !lanes.isEmpty();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}
}
