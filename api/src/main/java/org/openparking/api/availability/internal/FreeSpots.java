package org.openparking.api.availability.internal;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs the statements of {@link FreeSpotStatements}. */
@Repository
class FreeSpots {

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	FreeSpots(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * The search statement runs with the generic plan of its prepared statement. PostgreSQL's default keeps planning
	 * it anew for every execution (the generic plan's estimate never wins), and planning took as long as executing:
	 * on the benchmark's lot, 2.0-2.5 ms an execution against 1.0-1.2 ms with the generic plan, which is the same
	 * plan, since every join starts from the lot array ({@code bin/bench-search}). {@code set local} ends with the
	 * transaction.
	 */
	List<FreeSpotRow> page(List<LotDistance> lots, TimeWindow window, Set<SpotClass> classes, long maxPricePerHourMinor,
			OfferKey after, int limit) {
		SqlStatement statement = FreeSpotStatements.freeSpots(lots, window, classes, maxPricePerHourMinor, after, limit);
		return readOnly.execute(status -> {
			jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
			return jdbc.sql(statement.sql()).params(statement.params()).query(FreeSpotRow::map).list();
		});
	}

	/** Every class the lots have spots of, with the spots the database finds free. */
	List<ClassSpots> byClass(List<LotDistance> lots, TimeWindow window) {
		SqlStatement statement = FreeSpotStatements.countsByClass(lots, window);
		return jdbc.sql(statement.sql()).params(statement.params()).query((rs, row) -> {
			Array free = rs.getArray("free_spots");
			List<SpotId> freeSpots = free == null ? List.of()
					: Arrays.stream((UUID[]) free.getArray()).map(SpotId::new).toList();
			return new ClassSpots(SpotClass.valueOf(rs.getString("spot_class")), rs.getInt("total"), freeSpots);
		}).list();
	}

	record ClassSpots(SpotClass spotClass, int total, List<SpotId> free) {
	}
}
