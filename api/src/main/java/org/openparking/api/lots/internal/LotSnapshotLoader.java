package org.openparking.api.lots.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openparking.api.lots.AdministrativeState;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotSummary;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.lots.TariffView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class LotSnapshotLoader {

	private final JdbcClient jdbc;

	LotSnapshotLoader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A lot's snapshot, or none, as of its catalog's version. */
	record Versioned(long version, Optional<LotSnapshot> snapshot) {
	}

	/**
	 * The version first: a change committed between it and the rows shows in both, or only in the rows, and then the
	 * next look finds a newer version and loads again. Never rows older than the version.
	 */
	@Transactional(readOnly = true)
	Versioned load(LotId id) {
		return new Versioned(catalogVersion(id), snapshot(id));
	}

	/** Bumped by V150's triggers on every change of the lot, its opening hours, spots or tariffs; 0 before any. */
	long catalogVersion(LotId id) {
		return jdbc.sql("select version from lot_catalog_version where lot_id = ?")
			.param(id.value())
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Read as rows, not entities. As entities, a lot's spots joined the caller's persistence context (this runs inside
	 * the caller's transaction, the sensor consumer's among them), which dirty-checked them all at its next flush: the
	 * consumer's first pass on a new 2,000-spot lot took 424 ms for 23 readings, ~310 of them in this load, much of that
	 * in Hibernate code run for the first time (a JFR recording of bin/bench-gateway --through-api).
	 */
	private Optional<LotSnapshot> snapshot(LotId id) {
		return lot(id).map(lot -> {
			List<SpotSummary> spots = spots(id);
			return new LotSnapshot(lot, hours(id), spots,
					spots.stream().collect(Collectors.toUnmodifiableMap(SpotSummary::id, Function.identity())),
					tariffs(id));
		});
	}

	private Optional<LotSummary> lot(LotId id) {
		return jdbc.sql("select operator_id, name, time_zone from lot where id = ?")
			.param(id.value())
			.query((rs, n) -> new LotSummary(id, rs.getString("operator_id"), rs.getString("name"),
					ZoneId.of(rs.getString("time_zone"))))
			.optional();
	}

	private Map<DayOfWeek, DailyHours> hours(LotId id) {
		return jdbc.sql("select day_of_week, opens, closes from lot_opening_hours where lot_id = ?")
			.param(id.value())
			.query((rs, n) -> new DailyHours(DayOfWeek.of(rs.getInt("day_of_week")),
					rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class)))
			.stream()
			.collect(Collectors.toUnmodifiableMap(DailyHours::dayOfWeek, Function.identity()));
	}

	private List<SpotSummary> spots(LotId id) {
		return jdbc.sql("select id, code, spot_class, admin_state from spot where lot_id = ? order by code")
			.param(id.value())
			.query((rs, n) -> new SpotSummary(new SpotId(rs.getObject("id", UUID.class)), id, rs.getString("code"),
					SpotClass.valueOf(rs.getString("spot_class")),
					AdministrativeState.valueOf(rs.getString("admin_state"))))
			.list();
	}

	private Map<SpotClass, TariffView> tariffs(LotId id) {
		return jdbc.sql("""
				select spot_class, currency, hourly_rate_minor, daily_maximum_minor, minimum_charge_minor
				from tariff where lot_id = ?""")
			.param(id.value())
			.query((rs, n) -> Tariff.view(SpotClass.valueOf(rs.getString("spot_class")), rs.getString("currency"),
					rs.getLong("hourly_rate_minor"), rs.getObject("daily_maximum_minor", Long.class),
					rs.getLong("minimum_charge_minor")))
			.stream()
			.collect(Collectors.toUnmodifiableMap(TariffView::spotClass, Function.identity()));
	}

	Optional<LotId> lotOf(SpotId spot) {
		return jdbc.sql("select lot_id from spot where id = ?")
			.param(spot.value())
			.query((rs, n) -> new LotId(rs.getObject("lot_id", UUID.class)))
			.optional();
	}
}
