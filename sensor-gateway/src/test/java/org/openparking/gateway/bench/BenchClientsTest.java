package org.openparking.gateway.bench;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openparking.gateway.support.PrivateBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's own MQTT 5 clients against a real broker: what a publisher sends is acknowledged and reaches the
 * reference subscriber once, whether paced or as fast as its window of unacknowledged publishes allows, a publisher
 * asked for a few readings of each device sends those and stops, and a subscriber counts only its own run's devices.
 */
class BenchClientsTest {

	@Test
	void aPacedPublishersReadingsAreAcknowledgedAndEachArrivesOnce() throws Exception {
		assertEveryReadingArrivesOnce(1000, "paced");
	}

	@Test
	void anUnpacedPublishersReadingsAreAcknowledgedAndEachArrivesOnce() throws Exception {
		assertEveryReadingArrivesOnce(0, "unpaced");
	}

	@Test
	void aPublisherSendsAsManyReadingsOfEachDeviceAsAskedAndStops() throws Exception {
		try (PrivateBroker broker = PrivateBroker.start();
				RawSubscriber subscriber = new RawSubscriber(broker.url(), GatewayBenchmark.REFERENCE_TOPICS, "few")) {
			long started = System.nanoTime();
			LoadPublisher publisher = new LoadPublisher(broker.url(), "few-pub", GatewayBenchmark.REFERENCE_TOPICS,
					List.of("few-1", "few-2", "few-3"), started + Duration.ofSeconds(30).toNanos(), 1000, 50,
					new LoadPublisher.Readings(1, 2));
			publisher.run();
			publisher.close();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
			assertThat(publisher.acknowledged()).isEqualTo(6);
			assertThat(subscriber.arrivals().await(6)).isEqualTo(6);
		}
	}

	private static void assertEveryReadingArrivesOnce(double rate, String run) throws Exception {
		try (PrivateBroker broker = PrivateBroker.start();
				RawSubscriber subscriber = new RawSubscriber(broker.url(), GatewayBenchmark.REFERENCE_TOPICS, run);
				RawSubscriber others = new RawSubscriber(broker.url(), GatewayBenchmark.REFERENCE_TOPICS, "other")) {
			LoadPublisher publisher = new LoadPublisher(broker.url(), run + "-pub", GatewayBenchmark.REFERENCE_TOPICS,
					List.of(run + "-1", run + "-2", run + "-3"), System.nanoTime() + Duration.ofMillis(500).toNanos(),
					rate, 50, LoadPublisher.Readings.FROM_THE_FIRST);
			publisher.run();
			publisher.close();
			assertThat(publisher.failed()).isZero();
			assertThat(publisher.acknowledged()).isGreaterThan(100);
			if (rate > 0) {
				assertThat(publisher.acknowledged()).as("paced at %s/s for 0.5 s", rate).isLessThanOrEqualTo(501);
			}
			assertThat(subscriber.arrivals().await(publisher.acknowledged())).isEqualTo(publisher.acknowledged());
			Thread.sleep(200);
			assertThat(subscriber.arrivals().received()).isEqualTo(publisher.acknowledged());
			assertThat(others.arrivals().received()).as("another run's devices").isZero();
		}
	}
}
