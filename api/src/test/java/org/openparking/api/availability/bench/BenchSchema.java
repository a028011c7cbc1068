package org.openparking.api.availability.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's own schema: the real migrations, then a busy lot seeded in a few set-based statements.
 * <p>
 * The main lot has 500 spots and 1,000 bookings per spot (500,000), spread over 250 days from 30 days ago: one
 * booking of 1 to 4 hours in every 6-hour slot, so a 2-hour window finds most spots booked. Bookings that ended are
 * COMPLETED and every tenth is CANCELLED, so about 80% of them are live. Twenty neighbour lots of 100 spots with 100
 * bookings per spot (200,000), and a hundred lots in another city with 50 spots and 50 bookings per spot (250,000),
 * make an index that does not lead with the lot pay for other lots' bookings, as it would in production.
 * Parking sessions: 100,000 ended ones (history), and active ones, each allowed until its spot's next booking, on
 * every 25th spot of the main lot and every spot of the neighbours that is free now (about 1,000 in all).
 */
final class BenchSchema {

	static final UUID MAIN_LOT = UUID.fromString("00000000-0000-0000-0000-00000000b000");

	static final int MAIN_SPOTS = 500;

	static final int MAIN_BOOKINGS_PER_SPOT = 1000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final String schema;

	BenchSchema(DataSource dataSource, String schema) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.schema = schema;
	}

	boolean isSeeded() {
		return jdbc.sql("select count(*) from pg_namespace where nspname = ?").param(schema).query(Integer.class).single() == 1
				&& jdbc.sql("select to_regclass('booking') is not null").query(Boolean.class).single()
				&& jdbc.sql("select count(*) from booking where lot_id = ?").param(MAIN_LOT).query(Long.class).single()
						== (long) MAIN_SPOTS * MAIN_BOOKINGS_PER_SPOT;
	}

	/** Drops and migrates the schema. btree_gist must live elsewhere, or dropping the schema would drop it for all. */
	void recreate() {
		String extensionSchema = jdbc
			.sql("select extnamespace::regnamespace::text from pg_extension where extname = 'btree_gist'")
			.query(String.class)
			.optional()
			.orElse(null);
		if (extensionSchema == null) {
			jdbc.sql("create extension btree_gist with schema public").update();
		}
		else if (extensionSchema.equals(schema)) {
			throw new IllegalStateException("btree_gist is installed in " + schema
					+ "; other schemas depend on it, so the benchmark will not drop that schema");
		}
		jdbc.sql("drop schema if exists " + schema + " cascade").update();
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(schema)
			.createSchemas(true)
			.locations("classpath:db/migration")
			.load()
			.migrate();
	}

	/**
	 * Seeds with the booking indexes and the collision triggers off (the rows are consistent by construction), then
	 * restores the layout the migrations made.
	 */
	void seed(IndexLayouts layouts) {
		List<String> migrated = layouts.migrated();
		layouts.dropMigrated();
		jdbc.sql("alter table booking disable trigger booking_never_collides_with_session").update();
		jdbc.sql("alter table parking_session disable trigger session_never_collides_with_booking").update();
		Instant anchor = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(30, ChronoUnit.DAYS);
		timed("lots, spots, tariffs", this::seedLots);
		timed("bookings", () -> seedBookings(anchor));
		timed("sessions", this::seedSessions);
		jdbc.sql("alter table booking enable trigger booking_never_collides_with_session").update();
		jdbc.sql("alter table parking_session enable trigger session_never_collides_with_booking").update();
		timed("migrated indexes", () -> layouts.restore(migrated));
		jdbc.sql("vacuum analyze").update();
	}

	private void seedLots() {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into lot (id, operator_id, name, city, country_code, latitude, longitude, time_zone, created_at)
				select case when l = 0 then :mainLot else gen_random_uuid() end, 'bench-operator', 'Bench lot ' || l,
				       case when l <= 20 then 'Berlin' else 'München' end, 'DE',
				       case when l <= 20 then 52.52 + l * 0.002 else 48.137 + (l - 21) * 0.01 end,
				       case when l <= 20 then 13.405 + l * 0.002 else 11.575 end, 'Europe/Berlin', :now
				from generate_series(0, 120) l""").param("mainLot", MAIN_LOT).param("now", now).update();
		jdbc.sql("insert into lot_level (id, lot_id, code, name, ordinal) select gen_random_uuid(), id, 'L0', 'Ground', 0 from lot")
			.update();
		jdbc.sql("""
				insert into spot (id, lot_id, level_id, code, spot_class, ev_connector, admin_state, admin_state_since)
				select gen_random_uuid(), l.id, v.id, 'S' || lpad(i::text, 3, '0'),
				       case when i % 10 = 0 then 'EV_CHARGING' when i % 25 = 1 then 'ACCESSIBLE' else 'STANDARD' end,
				       case when i % 10 = 0 then 'CCS2' end,
				       case when i % 50 = 7 then 'CLOSED' else 'OPEN' end, :now
				from lot l join lot_level v on v.lot_id = l.id
				cross join lateral generate_series(1,
				    case when l.id = :mainLot then :mainSpots when l.city = 'Berlin' then 100 else 50 end) i""")
			.param("mainLot", MAIN_LOT)
			.param("mainSpots", MAIN_SPOTS)
			.param("now", now)
			.update();
		jdbc.sql("""
				insert into tariff (id, lot_id, spot_class, currency, hourly_rate_minor, daily_maximum_minor,
				                    minimum_charge_minor, updated_at)
				select gen_random_uuid(), l.id, c.spot_class, 'EUR', c.rate, c.rate * 10, 100, :now
				from lot l, (values ('STANDARD', 200), ('EV_CHARGING', 350), ('ACCESSIBLE', 150)) c(spot_class, rate)""")
			.param("now", now)
			.update();
	}

	/** One booking in each slot of 250 days / bookings per spot; it starts and ends inside its slot. */
	private void seedBookings(Instant anchor) {
		jdbc.sql("""
				insert into booking (id, lot_id, spot_id, user_id, hold_id, during, status, price_minor, currency,
				                     created_at, updated_at)
				select gen_random_uuid(), s.lot_id, s.id, 'bench-user-' || (h % 5000), s.id || '.' || k, w.during,
				       case when h % 10 = 0 then 'CANCELLED' when upper(w.during) <= now() then 'COMPLETED'
				            else 'CONFIRMED' end,
				       400, 'EUR', now(), now()
				from spot s join lot l on l.id = s.lot_id
				cross join lateral (select case when s.lot_id = :mainLot then :mainPerSpot
				                                when l.city = 'Berlin' then 100 else 50 end as per_spot) n
				cross join lateral (select interval '250 days' / n.per_spot as slot) d
				cross join lateral generate_series(0, n.per_spot - 1) k
				cross join lateral (select abs(hashtext(s.id || ':' || k)) as h) r
				cross join lateral (select tstzrange(cast(:anchor as timestamptz) + k * d.slot + (h % 4) * d.slot / 12,
				                                     cast(:anchor as timestamptz) + k * d.slot + (h % 4) * d.slot / 12
				                                     + (1 + (h / 4) % 4) * d.slot / 6) as during) w""")
			.param("mainLot", MAIN_LOT)
			.param("mainPerSpot", MAIN_BOOKINGS_PER_SPOT)
			.param("anchor", Timestamp.from(anchor))
			.update();
	}

	private void seedSessions() {
		jdbc.sql("""
				insert into parking_session (id, lot_id, spot_id, user_id, vehicle_plate, started_at, ended_at,
				                             charge_minor, currency)
				select gen_random_uuid(), s.lot_id, s.id, 'bench-driver-' || k, 'B-PK ' || k,
				       now() - k * interval '7 minutes' - interval '2 hours', now() - k * interval '7 minutes' - interval '1 hour',
				       200, 'EUR'
				from generate_series(1, 100000) k
				join (select id, lot_id, row_number() over (order by id) - 1 as n from spot) s
				  on s.n = k % (select count(*) from spot)""").update();
		jdbc.sql("""
				insert into parking_session (id, lot_id, spot_id, user_id, vehicle_plate, started_at, latest_allowed_end,
				                             currency)
				with next_booking as (
				    select spot_id, min(lower(during)) as starts from booking
				    where status = 'CONFIRMED' and lower(during) > now() group by spot_id),
				busy_now as (
				    select spot_id from booking
				    where status = 'CONFIRMED' and during && tstzrange(now() - interval '30 minutes', now()))
				select gen_random_uuid(), s.lot_id, s.id, 'bench-parker-' || s.id, 'B-NOW ' || s.code,
				       now() - interval '30 minutes', n.starts, 'EUR'
				from spot s left join next_booking n on n.spot_id = s.id
				where (s.lot_id <> :mainLot or right(s.code, 2) in ('03', '28', '53', '78'))
				  and s.id not in (select spot_id from busy_now)""")
			.param("mainLot", MAIN_LOT)
			.update();
	}

	private static void timed(String what, Runnable step) {
		long start = System.nanoTime();
		step.run();
		System.out.printf("  seeded %-18s in %5.1f s%n", what, (System.nanoTime() - start) / 1e9);
	}

	List<String> counts() {
		List<String> lines = new ArrayList<>();
		for (String table : List.of("lot", "spot", "booking", "parking_session")) {
			lines.add(table + "=" + jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		lines.add("live bookings of the main lot=" + jdbc.sql("""
				select count(*) from booking where lot_id = ?
				and status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN')""").param(MAIN_LOT)
			.query(Long.class)
			.single());
		lines.add("active sessions=" + jdbc.sql("select count(*) from parking_session where ended_at is null")
			.query(Long.class)
			.single());
		return lines;
	}
}
