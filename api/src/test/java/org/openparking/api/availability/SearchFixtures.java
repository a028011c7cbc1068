package org.openparking.api.availability;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.openparking.api.lots.SpotClass;
import org.openparking.api.support.LotFixtures.TestLot;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bookings, sessions, extra spots and tariffs straight in SQL: what search reads, without going through the modules
 * that own them. Each test adds these to a lot of its own before it first queries that lot.
 */
final class SearchFixtures {

	private final JdbcClient jdbc;

	SearchFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID spot(TestLot lot, String code, SpotClass spotClass) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into spot (id, lot_id, level_id, code, spot_class, ev_connector, max_height_cm, admin_state,
				                  admin_state_since)
				values (?, ?, ?, ?, ?, ?, ?, 'OPEN', now())""")
			.params(id, lot.id(), lot.levelId(), code, spotClass.name(),
					spotClass == SpotClass.EV_CHARGING ? "CCS2" : null, spotClass == SpotClass.OVERSIZE ? 300 : null)
			.update();
		return id;
	}

	void tariff(TestLot lot, SpotClass spotClass, long hourlyRateMinor) {
		jdbc.sql("""
				insert into tariff (id, lot_id, spot_class, currency, hourly_rate_minor, minimum_charge_minor, updated_at)
				values (?, ?, ?, 'EUR', ?, 0, now())""")
			.params(UUID.randomUUID(), lot.id(), spotClass.name(), hourlyRateMinor)
			.update();
	}

	void booking(TestLot lot, UUID spot, Instant from, Instant to, String status) {
		jdbc.sql("""
				insert into booking (id, lot_id, spot_id, user_id, hold_id, during, status, price_minor, currency,
				                     created_at, updated_at)
				values (?, ?, ?, 'search-test', ?, tstzrange(?, ?), ?, 400, 'EUR', now(), now())""")
			.params(UUID.randomUUID(), lot.id(), spot, UUID.randomUUID().toString(), Timestamp.from(from),
					Timestamp.from(to), status)
			.update();
	}

	/** {@code latestAllowedEnd} and {@code endedAt} may be null: open-ended, still active. */
	void session(TestLot lot, UUID spot, Instant startedAt, Instant latestAllowedEnd, Instant endedAt) {
		jdbc.sql("""
				insert into parking_session (id, lot_id, spot_id, user_id, vehicle_plate, started_at, latest_allowed_end,
				                             ended_at, currency)
				values (?, ?, ?, ?, 'B-SR 1', ?, ?, ?, 'EUR')""")
			.params(UUID.randomUUID(), lot.id(), spot, "search-driver-" + UUID.randomUUID(), Timestamp.from(startedAt),
					latestAllowedEnd == null ? null : Timestamp.from(latestAllowedEnd),
					endedAt == null ? null : Timestamp.from(endedAt))
			.update();
	}

	void close(UUID spot) {
		jdbc.sql("update spot set admin_state = 'CLOSED', admin_state_reason = 'test' where id = ?").param(spot).update();
	}

	/** Moves the lot, so a radius search around a random point sees only the lots a test put there. */
	void moveTo(TestLot lot, double latitude, double longitude) {
		jdbc.sql("update lot set latitude = ?, longitude = ? where id = ?").params(latitude, longitude, lot.id()).update();
	}
}
