package org.openparking.api.live.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.openparking.api.holds.CommercialState;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.support.ApiIntegrationTest;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst on one lot: its lane takes the changes in batches, so none is dropped and their order holds. */
@ApiIntegrationTest
class RelayLanesTest {

	private static final int BURST = 5_000;

	@Autowired
	RelayLanes lanes;

	@Autowired
	LiveTopics topics;

	@Autowired
	LiveChannels channels;

	@Test
	void aBurstOfSpotChangesReachesRedisWholeAndInOrder() throws InterruptedException {
		LotId lot = new LotId(UUID.randomUUID());
		List<SpotStatusEvent> received = new CopyOnWriteArrayList<>();
		Disposable subscription = topics.listen(channels.lot(lot))
			.ofType(SpotStatusEvent.class)
			.subscribe(received::add);
		try {
			Thread.sleep(200); // the Redis SUBSCRIBE is on its way; the first publication must not precede it
			long droppedBefore = lanes.droppedSoFar();
			Instant start = Instant.ofEpochMilli(1_000_000);
			for (int i = 0; i < BURST; i++) {
				lanes.spotChanged(new SpotChange(lot, SpotId.random(), SpotChangeCause.HELD, start.plusMillis(i)));
			}
			Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
			while (received.size() < BURST && Instant.now().isBefore(deadline)) {
				Thread.sleep(20);
			}
			assertThat(lanes.droppedSoFar()).isEqualTo(droppedBefore);
			assertThat(received).hasSize(BURST);
			assertThat(received).extracting(SpotStatusEvent::occurredAt).isSorted();
			assertThat(received).extracting(SpotStatusEvent::commercialState).containsOnly(
					CommercialState.FREE);
		}
		finally {
			subscription.dispose();
		}
	}
}
