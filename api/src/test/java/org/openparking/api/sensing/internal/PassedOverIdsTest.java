package org.openparking.api.sensing.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which ids a pass records as gaps: those without a consumed row, newest first, up to the cap. */
class PassedOverIdsTest {

	@Test
	void theIdsWithoutAConsumedRowAreGapsNewestFirst() {
		assertThat(SensorStream.passedOver(10, 20, List.of(11L, 12L, 15L, 20L, 3L), 100))
			.containsExactly(19L, 18L, 17L, 16L, 14L, 13L);
	}

	@Test
	void noneWhenEveryIdHadItsRow() {
		assertThat(SensorStream.passedOver(10, 13, List.of(11L, 12L, 13L), 100)).isEmpty();
	}

	@Test
	void aMillionMissingIdsAreCutToTheNewest() {
		assertThat(SensorStream.passedOver(0, 1_000_000, List.of(1_000_000L), 3))
			.containsExactly(999_999L, 999_998L, 999_997L);
	}
}
