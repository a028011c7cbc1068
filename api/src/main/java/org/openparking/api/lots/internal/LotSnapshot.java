package org.openparking.api.lots.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.openparking.api.lots.LotSummary;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.lots.TariffView;

/** Everything the hot paths ask about one lot, read together and kept in memory for a short while. */
record LotSnapshot(LotSummary lot, Map<DayOfWeek, DailyHours> hours, List<SpotSummary> spots,
		Map<SpotId, SpotSummary> spotsById, Map<SpotClass, TariffView> tariffs) {

	/** No hours at all means open around the clock; a day without hours among others is closed. */
	boolean isOpenAt(Instant instant) {
		if (hours.isEmpty()) {
			return true;
		}
		ZonedDateTime local = instant.atZone(lot.timeZone());
		DailyHours day = hours.get(local.getDayOfWeek());
		return day != null && day.contains(local.toLocalTime());
	}
}
