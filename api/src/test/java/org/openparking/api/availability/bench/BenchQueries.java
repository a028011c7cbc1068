package org.openparking.api.availability.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openparking.api.availability.internal.FreeSpotRow;
import org.openparking.api.availability.internal.FreeSpotStatements;
import org.openparking.api.availability.internal.LotDistance;
import org.openparking.api.availability.internal.OfferKey;
import org.openparking.api.availability.internal.SqlStatement;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.shared.TimeWindow;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application's own statements ({@link FreeSpotStatements}) over a spread of windows: the next hours, days,
 * weeks and months (up to the 90 days ahead a search may look), mostly 2 hours long, one a whole day. Page 2
 * continues after the 20th offer of page 1.
 */
final class BenchQueries {

	static final int PAGE = 20;

	private static final UUID UNBOOKED_SPOT = UUID.fromString("7d3f1c2a-9b8e-4f60-a1d2-3c4b5e6f7a80");

	static final List<Duration> STARTS = List.of(Duration.ofHours(1), Duration.ofHours(33), Duration.ofDays(7),
			Duration.ofDays(30), Duration.ofDays(60), Duration.ofDays(85));

	private final List<TimeWindow> windows = new ArrayList<>();

	private final List<LotDistance> mainLot = List.of(new LotDistance(new LotId(BenchSchema.MAIN_LOT), 0));

	private final List<LotDistance> allLots;

	private final Map<TimeWindow, OfferKey> page2 = new LinkedHashMap<>();

	BenchQueries(JdbcClient jdbc) {
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		for (Duration start : STARTS) {
			windows.add(new TimeWindow(hour.plus(start), hour.plus(start).plus(Duration.ofHours(2))));
		}
		windows.add(new TimeWindow(hour.plus(Duration.ofDays(14)), hour.plus(Duration.ofDays(15))));
		// Only the order of distances matters to the plan: a radius search over the big lot and its 20 neighbours.
		allLots = jdbc.sql("""
				select id, (abs(latitude - 52.52) + abs(longitude - 13.405)) * 1e5 as meters from lot
				where city = 'Berlin' order by 2""")
			.query((rs, row) -> new LotDistance(new LotId(rs.getObject("id", UUID.class)), rs.getDouble("meters")))
			.list();
		for (TimeWindow window : windows) {
			List<OfferKey> keys = jdbc.sql(searchInLot(window, null).sql())
				.params(searchInLot(window, null).params())
				.query(FreeSpotRow::map)
				.list()
				.stream()
				.map(FreeSpotRow::key)
				.toList();
			page2.put(window, keys.size() >= PAGE ? keys.get(PAGE - 1) : null);
		}
	}

	List<TimeWindow> windows() {
		return windows;
	}

	UUID mainLotId() {
		return BenchSchema.MAIN_LOT;
	}

	SqlStatement searchInLot(TimeWindow window, OfferKey after) {
		return FreeSpotStatements.freeSpots(mainLot, window, EnumSet.allOf(SpotClass.class), Long.MAX_VALUE, after,
				PAGE + 1);
	}

	SqlStatement searchPage2(TimeWindow window) {
		return searchInLot(window, page2.get(window));
	}

	SqlStatement searchAround(TimeWindow window) {
		return FreeSpotStatements.freeSpots(allLots, window, EnumSet.allOf(SpotClass.class), Long.MAX_VALUE, null,
				PAGE + 1);
	}

	SqlStatement availability(TimeWindow window) {
		return FreeSpotStatements.countsByClass(mainLot, window);
	}

	/**
	 * The V4 trigger's look-up when a walk-in session starts with no booking ahead of it (open-ended), on a spot with
	 * no live booking: the worst case, since nothing stops the scan early.
	 */
	SqlStatement openEndedSessionCheck(TimeWindow window) {
		return new SqlStatement("""
				select exists (select 1 from booking b where b.spot_id = :spot
				  and b.status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN')
				  and b.during && tstzrange(:from, 'infinity'))""",
				Map.of("spot", UNBOOKED_SPOT, "from", window.from().atOffset(ZoneOffset.UTC)));
	}
}
