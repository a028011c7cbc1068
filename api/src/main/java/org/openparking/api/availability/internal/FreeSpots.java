package org.openparking.api.availability.internal;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

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

	List<FreeSpotRow> page(List<LotDistance> lots, TimeWindow window, Set<SpotClass> classes, long maxPricePerHourMinor,
			OfferKey after, int limit) {
		SqlStatement statement = FreeSpotStatements.freeSpots(lots, window, classes, maxPricePerHourMinor, after, limit);
		return withGenericPlan(
				() -> jdbc.sql(statement.sql()).params(statement.params()).query(FreeSpotRow::map).list());
	}

	/** Every class the lots have spots of, with the spots the database finds free. */
	List<ClassSpots> byClass(List<LotDistance> lots, TimeWindow window) {
		SqlStatement statement = FreeSpotStatements.countsByClass(lots, window);
		return withGenericPlan(() -> jdbc.sql(statement.sql()).params(statement.params()).query((rs, row) -> {
			Array free = rs.getArray("free_spots");
			List<SpotId> freeSpots = free == null ? List.of()
					: Arrays.stream((UUID[]) free.getArray()).map(SpotId::new).toList();
			return new ClassSpots(SpotClass.valueOf(rs.getString("spot_class")), rs.getInt("total"), freeSpots);
		}).list());
	}

	/**
	 * Both statements run with the generic plan of their prepared statements. PostgreSQL's default planned them anew
	 * on every execution (the generic plan's estimate never won), which took as long as executing them: on the
	 * benchmark's lot the search took 2.0-2.5 ms an execution against 0.95-1.2 ms with the generic plan, the counts
	 * 0.7-0.9 against 0.5-0.7 ms ({@code bin/bench-search}, {@code pg_prepared_statements}). The generic plans are
	 * the same plans, since every join starts from the lot array. {@code set local} ends with the transaction.
	 */
	private <T> T withGenericPlan(Supplier<T> query) {
		return readOnly.execute(status -> {
			jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
			return query.get();
		});
	}

	record ClassSpots(SpotClass spotClass, int total, List<SpotId> free) {
	}
}
