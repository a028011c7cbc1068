package org.openparking.api.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Creates lots straight in the database, so tests of other modules do not depend on the operator API.
 * Every lot is new (random ids), so tests never share data.
 */
public final class LotFixtures {

	private final JdbcClient jdbc;

	public LotFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A lot open around the clock, one level, {@code spots} STANDARD spots S001.., and a EUR tariff of 2.00/h. */
	public TestLot lot(String operatorId, int spots) {
		UUID lotId = UUID.randomUUID();
		UUID levelId = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into lot (id, operator_id, name, city, country_code, latitude, longitude, time_zone, created_at)
				values (?, ?, ?, 'Berlin', 'DE', 52.52, 13.405, 'Europe/Berlin', ?)""")
			.params(lotId, operatorId, "Test lot " + lotId, now)
			.update();
		jdbc.sql("insert into lot_level (id, lot_id, code, name, ordinal) values (?, ?, 'L0', 'Ground floor', 0)")
			.params(levelId, lotId)
			.update();
		List<UUID> spotIds = new ArrayList<>();
		for (int i = 1; i <= spots; i++) {
			UUID spotId = UUID.randomUUID();
			jdbc.sql("""
					insert into spot (id, lot_id, level_id, code, spot_class, admin_state, admin_state_since)
					values (?, ?, ?, ?, 'STANDARD', 'OPEN', ?)""")
				.params(spotId, lotId, levelId, "S%03d".formatted(i), now)
				.update();
			spotIds.add(spotId);
		}
		jdbc.sql("""
				insert into tariff (id, lot_id, spot_class, currency, hourly_rate_minor, daily_maximum_minor,
				minimum_charge_minor, updated_at) values (?, ?, 'STANDARD', 'EUR', 200, 2000, 100, ?)""")
			.params(UUID.randomUUID(), lotId, now)
			.update();
		return new TestLot(lotId, levelId, List.copyOf(spotIds));
	}

	public record TestLot(UUID id, UUID levelId, List<UUID> spotIds) {
	}
}
