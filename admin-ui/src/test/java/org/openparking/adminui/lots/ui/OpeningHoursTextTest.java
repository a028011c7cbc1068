package org.openparking.adminui.lots.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;

import org.junit.jupiter.api.Test;
import org.openparking.adminui.parking.ApiException;
import org.openparking.adminui.parking.NewLot.DailyHours;

class OpeningHoursTextTest {

	@Test
	void emptyIsAroundTheClock() {
		assertThat(OpeningHoursText.parse("  ")).isEmpty();
		assertThat(OpeningHoursText.parse(null)).isEmpty();
	}

	@Test
	void readsDaysAndRanges() {
		assertThat(OpeningHoursText.parse("Sat 08:00-14:00, Mon - Wed 6:30 - 23:59")).containsExactly(
				new DailyHours(DayOfWeek.SATURDAY, "08:00", "14:00"), new DailyHours(DayOfWeek.MONDAY, "06:30", "23:59"),
				new DailyHours(DayOfWeek.TUESDAY, "06:30", "23:59"),
				new DailyHours(DayOfWeek.WEDNESDAY, "06:30", "23:59"));
	}

	@Test
	void refusesWhatItCannotRead() {
		assertThatThrownBy(() -> OpeningHoursText.parse("Mon 8-20")).isInstanceOf(ApiException.class)
			.hasMessageContaining("\"Mon 8-20\" cannot be read");
		assertThatThrownBy(() -> OpeningHoursText.parse("Fri-Mon 08:00-20:00")).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> OpeningHoursText.parse("Xyz 08:00-20:00")).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> OpeningHoursText.parse("Mon-Fri 08:00-20:00, Fri 09:00-12:00"))
			.isInstanceOf(ApiException.class)
			.hasMessage("Friday is named twice in the opening hours");
	}
}
