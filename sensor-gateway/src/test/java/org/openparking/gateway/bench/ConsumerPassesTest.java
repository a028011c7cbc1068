package org.openparking.gateway.bench;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer's passes of a run, and what they say about its capacity on this machine. */
class ConsumerPassesTest {

	private Locale defaultLocale;

	@BeforeEach
	void english() {
		defaultLocale = Locale.getDefault();
		Locale.setDefault(Locale.ENGLISH);
	}

	@AfterEach
	void restore() {
		Locale.setDefault(defaultLocale);
	}

	@Test
	void reportsTheCostOfAnObservationAndHowMuchOfTheRunTheConsumerWasBusy() {
		ConsumerPasses before = new ConsumerPasses(100, 10.0, 40_000);
		ConsumerPasses after = new ConsumerPasses(300, 33.0, 140_000);

		assertThat(after.since(before, 25.0)).isEqualTo("200 passes, on average 115.0 ms and 500 observations each"
				+ " (230 us an observation: at most ~4,348 a second back to back); busy 92 % of 25.0 s");
	}

	@Test
	void saysSoWhenThereWereNoPasses() {
		ConsumerPasses now = new ConsumerPasses(7, 1.0, 900);

		assertThat(now.since(now, 20.0)).isEqualTo("no passes");
	}
}
