package org.openparking.api.availability.bench;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The candidate index layouts of the booking table: the exclusion constraint (always there but in the insert
 * baseline, it is the final guard against double booking; only its column order varies) and an optional GiST index
 * for "live bookings of a lot during a window". Active sessions keep the index V40 gives them in every layout.
 * <p>
 * Each layout gets a schema of its own holding a copy of the bookings; the copy shadows the real table through the
 * search path ({@code <layout schema>, <bench schema>}), so the application's statements run unchanged on it.
 */
final class IndexLayouts {

	private static final String LIVE = "where (status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN'))";

	/** GiST indexes on bookings that no constraint owns: the optional lot-window index of a layout. */
	private static final String MANAGED_INDEXES = """
			select i.indexrelid from pg_index i
			join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
			where i.indrelid = 'booking'::regclass and am.amname = 'gist'
			  and not exists (select from pg_constraint k where k.conindid = i.indexrelid)""";

	private final JdbcClient jdbc;

	private final String benchSchema;

	IndexLayouts(JdbcClient jdbc, String benchSchema) {
		this.jdbc = jdbc;
		this.benchSchema = benchSchema;
	}

	/** {@code queries}: false for a layout only measured for inserts (without indexes a query scans the table). */
	record Layout(String name, boolean queries, List<String> ddl) {
	}

	static List<Layout> candidates() {
		String duringSpot = exclusion("during with &&, spot_id with =");
		String spotDuring = exclusion("spot_id with =, during with &&");
		return List.of(new Layout("no booking index (insert baseline)", false, List.of()),
				new Layout("V2: excl(during,spot) + gist(lot,during)", true, List.of(duringSpot, lotWindow("(lot_id, during)"))),
				new Layout("excl(during,spot) only", true, List.of(duringSpot)),
				new Layout("excl(spot,during) only", true, List.of(spotDuring)),
				new Layout("excl(spot,during) + gist(lot,during)", true, List.of(spotDuring, lotWindow("(lot_id, during)"))),
				new Layout("excl(during,spot) + gist(lot,during) incl spot", true,
						List.of(duringSpot, lotWindow("(lot_id, during) include (spot_id)"))),
				new Layout("excl(spot,during) + gist(lot,during) incl spot", true,
						List.of(spotDuring, lotWindow("(lot_id, during) include (spot_id)"))),
				new Layout("excl(spot,during) + gist(during,lot) incl spot", true,
						List.of(spotDuring, lotWindow("(during, lot_id) include (spot_id)"))));
	}

	private static String exclusion(String elements) {
		return "alter table booking add constraint booking_no_overlap exclude using gist (" + elements + ") " + LIVE;
	}

	private static String lotWindow(String columns) {
		return "create index booking_by_lot_window on booking using gist " + columns + " " + LIVE;
	}

	String schemaOf(int layout) {
		return benchSchema + "_layout" + layout;
	}

	/**
	 * Copies the bookings into the layout's schema with the table's other indexes and its collision trigger, then
	 * builds the layout; returns the seconds the layout's own DDL took.
	 */
	double build(int index, Layout layout) {
		String schema = schemaOf(index);
		jdbc.sql("drop schema if exists " + schema + " cascade").update();
		jdbc.sql("create schema " + schema).update();
		jdbc.sql("create table %s.booking (like %s.booking including defaults including constraints)"
			.formatted(schema, benchSchema)).update();
		jdbc.sql("insert into %s.booking select * from %s.booking".formatted(schema, benchSchema)).update();
		for (String definition : jdbc.sql("""
				select pg_get_indexdef(i.indexrelid) from pg_index i
				where i.indrelid = 'booking'::regclass and i.indexrelid not in (select conindid from pg_constraint where contype = 'x')
				  and i.indexrelid not in (%s)""".formatted(MANAGED_INDEXES)).query(String.class).list()) {
			jdbc.sql(definition.replace(" ON " + benchSchema + ".booking ", " ON " + schema + ".booking ")).update();
		}
		jdbc.sql("""
				create trigger booking_never_collides_with_session
				before insert or update of spot_id, during, status on %s.booking
				for each row execute function %s.spot_claims_do_not_collide()""".formatted(schema, benchSchema)).update();
		jdbc.sql("set search_path to " + schema + ", " + benchSchema).update();
		try {
			long start = System.nanoTime();
			for (String statement : layout.ddl()) {
				jdbc.sql(statement).update();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			jdbc.sql("vacuum analyze booking").update();
			return seconds;
		}
		finally {
			jdbc.sql("set search_path to " + benchSchema).update();
		}
	}

	void drop(int index) {
		jdbc.sql("drop schema if exists " + schemaOf(index) + " cascade").update();
	}

	/** The bench schema's own layout (what the migrations made), as DDL that recreates it. */
	List<String> migrated() {
		List<String> ddl = new ArrayList<>(jdbc.sql("""
				select format('alter table booking add constraint %I %s', conname, pg_get_constraintdef(oid))
				from pg_constraint where conrelid = 'booking'::regclass and contype = 'x' order by conname""")
			.query(String.class)
			.list());
		ddl.addAll(jdbc.sql("select pg_get_indexdef(indexrelid) from pg_index where indexrelid in (" + MANAGED_INDEXES
				+ ") order by indexrelid::regclass::text").query(String.class).list());
		return ddl;
	}

	/** Drops the exclusion constraint and lot-window indexes of the bench schema, for a fast bulk load. */
	void dropMigrated() {
		for (String constraint : jdbc
			.sql("select conname from pg_constraint where conrelid = 'booking'::regclass and contype = 'x'")
			.query(String.class)
			.list()) {
			jdbc.sql("alter table booking drop constraint " + constraint).update();
		}
		for (String index : jdbc.sql("select indexrelid::regclass::text from pg_index where indexrelid in ("
				+ MANAGED_INDEXES + ")").query(String.class).list()) {
			jdbc.sql("drop index " + index).update();
		}
	}

	void restore(List<String> ddl) {
		ddl.forEach(statement -> jdbc.sql(statement).update());
	}
}
