package org.openparking.gateway.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenessTimelineTest {

	private final AtomicLong nanos = new AtomicLong(42);

	private final LatenessTimeline timeline = new LatenessTimeline(nanos::get);

	@Test
	void namesTheSecondsWithLateEventsWithTheirCountAndWorst() {
		timeline.record(5);
		timeline.record(250);
		nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(3_500));
		timeline.record(LatenessTimeline.LATE_MILLIS);
		timeline.record(1_500);
		timeline.record(120);

		assertThat(timeline.describe()).isEqualTo("s0: 1 late, worst 250 ms; s3: 2 late, worst 1500 ms");
	}

	@Test
	void saysNoneWhenEveryEventWasOnTime() {
		timeline.record(LatenessTimeline.LATE_MILLIS);

		assertThat(timeline.describe()).isEqualTo("none");
	}
}
