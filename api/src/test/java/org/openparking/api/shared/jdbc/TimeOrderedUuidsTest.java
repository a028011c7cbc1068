package org.openparking.api.shared.jdbc;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedUuidsTest {

	@Test
	void anIdIsAVersion7UuidThatStartsWithItsMillisecond() {
		Instant time = Instant.parse("2026-12-07T08:15:30.123Z");

		UUID id = TimeOrderedUuids.at(time);

		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(time.toEpochMilli());
		assertThat(id.toString()).startsWith("01a24f92-7d4b-7");
	}

	@Test
	void laterIdsSortAfterEarlierOnesAndIdsOfOneMillisecondDiffer() {
		Instant time = Instant.parse("2026-12-07T08:15:30.123Z");
		Set<UUID> sameMillisecond = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			sameMillisecond.add(TimeOrderedUuids.at(time));
		}

		UUID later = TimeOrderedUuids.at(time.plusMillis(1));

		assertThat(sameMillisecond).hasSize(100_000);
		assertThat(sameMillisecond).allSatisfy(id -> assertThat(id.toString()).isLessThan(later.toString()));
	}
}
