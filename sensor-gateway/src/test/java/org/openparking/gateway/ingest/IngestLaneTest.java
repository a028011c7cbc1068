package org.openparking.gateway.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IngestLaneTest {

	private final BlockingQueue<List<String>> batches = new LinkedBlockingQueue<>();

	@Test
	void uplinksThatArriveWithinTheLingerShareTheFirstOnesBatch() throws Exception {
		IngestLane lane = lane(Duration.ofMillis(500), 100);
		Thread thread = Thread.ofPlatform().start(lane);
		try {
			lane.put(uplink("a"));
			Thread.sleep(100);
			lane.put(uplink("b"));
			lane.put(uplink("c"));
			assertThat(batches.poll(5, TimeUnit.SECONDS)).containsExactly("a", "b", "c");
		}
		finally {
			stop(lane, thread);
		}
	}

	@Test
	void aFullBatchDoesNotWaitForTheLinger() throws Exception {
		IngestLane lane = lane(Duration.ofMinutes(1), 2);
		lane.put(uplink("a"));
		lane.put(uplink("b"));
		lane.put(uplink("c"));
		Thread thread = Thread.ofPlatform().start(lane);
		try {
			assertThat(batches.poll(5, TimeUnit.SECONDS)).containsExactly("a", "b");
		}
		finally {
			stop(lane, thread);
		}
	}

	@Test
	void withoutALingerALoneUplinkIsProcessedAtOnce() throws Exception {
		IngestLane lane = lane(Duration.ZERO, 100);
		Thread thread = Thread.ofPlatform().start(lane);
		try {
			lane.put(uplink("a"));
			assertThat(batches.poll(5, TimeUnit.SECONDS)).containsExactly("a");
		}
		finally {
			stop(lane, thread);
		}
	}

	private IngestLane lane(Duration linger, int batchSize) {
		IngestProperties properties = new IngestProperties(1, batchSize, linger, 1000, Duration.ofMillis(100),
				Duration.ofSeconds(1));
		return new IngestLane(
				(batch, untilDone) -> batches.add(batch.stream().map(InboundUplink::topic).toList()), properties);
	}

	private static InboundUplink uplink(String topic) {
		return new InboundUplink(topic, new byte[0], 0, Instant.EPOCH, () -> {
		});
	}

	private static void stop(IngestLane lane, Thread thread) throws InterruptedException {
		lane.stop();
		thread.join(5000);
	}
}
