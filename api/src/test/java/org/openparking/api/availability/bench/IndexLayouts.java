package org.openparking.api.availability.bench;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The candidate index layouts of the claim queries: the exclusion constraint on bookings (always present, it is the
 * final guard against double booking, only its column order varies), an optional GiST index for "bookings of these
 * lots during this window", and an optional index of active sessions per lot.
 */
final class IndexLayouts {

	private static final String LIVE = "where (status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN'))";

	private static final String SESSIONS_BY_LOT = """
			create index bench_session_active_by_lot on parking_session (lot_id) where ended_at is null""";

	private final JdbcClient jdbc;

	IndexLayouts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code queries}: false for a layout only measured for inserts (without indexes a query scans the table). */
	record Layout(String name, boolean queries, List<String> ddl) {
	}

	static List<Layout> candidates() {
		String duringSpot = exclusion("during with &&, spot_id with =");
		String spotDuring = exclusion("spot_id with =, during with &&");
		return List.of(new Layout("no booking index (insert baseline)", false, List.of()),
				new Layout("V2: excl(during,spot) + gist(lot,during)", true, List.of(duringSpot, lotWindow("(lot_id, during)"))),
				new Layout("V2 + sessions(lot)", true, List.of(duringSpot, lotWindow("(lot_id, during)"), SESSIONS_BY_LOT)),
				new Layout("excl(during,spot) only + sessions(lot)", true, List.of(duringSpot, SESSIONS_BY_LOT)),
				new Layout("excl(spot,during) only + sessions(lot)", true, List.of(spotDuring, SESSIONS_BY_LOT)),
				new Layout("excl(spot,during) + gist(lot,during) + sessions(lot)", true,
						List.of(spotDuring, lotWindow("(lot_id, during)"), SESSIONS_BY_LOT)),
				new Layout("excl(spot,during) + gist(lot,during) incl spot + sessions(lot)", true,
						List.of(spotDuring, lotWindow("(lot_id, during) include (spot_id)"), SESSIONS_BY_LOT)),
				new Layout("excl(spot,during) + gist(during,lot) incl spot + sessions(lot)", true,
						List.of(spotDuring, lotWindow("(during, lot_id) include (spot_id)"), SESSIONS_BY_LOT)));
	}

	private static String exclusion(String elements) {
		return "alter table booking add constraint booking_no_overlap exclude using gist (" + elements + ") " + LIVE;
	}

	private static String lotWindow(String columns) {
		return "create index bench_booking_by_lot_window on booking using gist " + columns + " " + LIVE;
	}

	/** The layout the migrations created, as DDL that recreates it. */
	Layout migrated() {
		List<String> ddl = new ArrayList<>(jdbc.sql("""
				select format('alter table booking add constraint %I %s', conname, pg_get_constraintdef(oid))
				from pg_constraint where conrelid = 'booking'::regclass and contype = 'x' order by conname""")
			.query(String.class)
			.list());
		ddl.addAll(jdbc.sql("""
				select pg_get_indexdef(i.indexrelid) from pg_index i
				where i.indexrelid in (%s) order by i.indexrelid::regclass::text""".formatted(MANAGED_INDEXES))
			.query(String.class)
			.list());
		return new Layout("as migrated", true, ddl);
	}

	/** GiST indexes on bookings and indexes of sessions by lot, unless an exclusion constraint owns them. */
	private static final String MANAGED_INDEXES = """
			select i.indexrelid from pg_index i
			join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
			where not exists (select from pg_constraint k where k.conindid = i.indexrelid)
			  and ((i.indrelid = 'booking'::regclass and am.amname = 'gist')
			    or (i.indrelid = 'parking_session'::regclass and pg_get_indexdef(i.indexrelid) like '%(lot_id)%'))""";

	void dropManaged() {
		for (String constraint : jdbc.sql("select conname from pg_constraint where conrelid = 'booking'::regclass and contype = 'x'")
			.query(String.class)
			.list()) {
			jdbc.sql("alter table booking drop constraint " + constraint).update();
		}
		for (String index : jdbc.sql("select indexrelid::regclass::text from pg_index where indexrelid in (" + MANAGED_INDEXES + ")")
			.query(String.class)
			.list()) {
			jdbc.sql("drop index " + index).update();
		}
	}

	/** Builds the layout's indexes; returns the seconds it took. */
	double apply(Layout layout) {
		long start = System.nanoTime();
		for (String statement : layout.ddl()) {
			jdbc.sql(statement).update();
		}
		return (System.nanoTime() - start) / 1e9;
	}
}
