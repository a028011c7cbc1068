package org.openparking.api.lots.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotSummary;

import static org.assertj.core.api.Assertions.assertThat;

class LotSnapshotTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void noHoursMeansOpenAroundTheClock() {
		assertThat(lot(Map.of()).isOpenAt(Instant.parse("2026-11-22T03:00:00Z"))).isTrue();
	}

	@Test
	void hoursAreLocalToTheLotAndClosingIsExclusive() {
		// Monday 2026-11-23; Berlin is UTC+1 in November.
		LotSnapshot lot = lot(Map.of(DayOfWeek.MONDAY,
				new DailyHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))));
		assertThat(lot.isOpenAt(Instant.parse("2026-11-23T06:59:59Z"))).isFalse();
		assertThat(lot.isOpenAt(Instant.parse("2026-11-23T07:00:00Z"))).isTrue();
		assertThat(lot.isOpenAt(Instant.parse("2026-11-23T16:59:59Z"))).isTrue();
		assertThat(lot.isOpenAt(Instant.parse("2026-11-23T17:00:00Z"))).isFalse();
	}

	@Test
	void aDayWithoutHoursAmongOthersIsClosed() {
		LotSnapshot lot = lot(Map.of(DayOfWeek.MONDAY,
				new DailyHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))));
		assertThat(lot.isOpenAt(Instant.parse("2026-11-24T10:00:00Z"))).isFalse();
	}

	@Test
	void aDayUntilMidnightIncludesItsLastSecond() {
		LotSnapshot lot = lot(Map.of(DayOfWeek.MONDAY,
				new DailyHours(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, DailyHours.parseClosing("24:00").orElseThrow())));
		assertThat(lot.isOpenAt(Instant.parse("2026-11-23T22:59:59.9Z"))).isTrue();
		assertThat(lot.isOpenAt(Instant.parse("2026-11-23T23:00:00Z"))).isFalse();
		assertThat(lot.hours().get(DayOfWeek.MONDAY).toView().closes()).isEqualTo("24:00");
	}

	@Test
	void hoursAreStrictHhMm() {
		assertThat(DailyHours.parseOpening("08:30")).contains(LocalTime.of(8, 30));
		assertThat(DailyHours.parseOpening("8:30")).isEmpty();
		assertThat(DailyHours.parseOpening("24:00")).isEmpty();
		assertThat(DailyHours.parseOpening("12:60")).isEmpty();
		assertThat(DailyHours.parseClosing("24:00")).contains(LocalTime.of(23, 59, 59));
	}

	private static LotSnapshot lot(Map<DayOfWeek, DailyHours> hours) {
		return new LotSnapshot(new LotSummary(LotId.random(), "op", "Lot", BERLIN), hours, List.of(), Map.of(),
				Map.of());
	}
}
