package org.openparking.api.availability.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.openparking.api.availability.ClassAvailability;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runs the statements of {@link FreeSpotStatements}. */
@Repository
class FreeSpots {

	private final JdbcClient jdbc;

	FreeSpots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<FreeSpotRow> page(List<LotDistance> lots, TimeWindow window, Set<SpotClass> classes, long maxPricePerHourMinor,
			OfferKey after, int limit) {
		SqlStatement statement = FreeSpotStatements.freeSpots(lots, window, classes, maxPricePerHourMinor, after, limit);
		return jdbc.sql(statement.sql())
			.params(statement.params())
			.query(FreeSpotRow::map)
			.list();
	}

	/** Every class the lots have spots of, in the order of {@link SpotClass}. */
	List<ClassAvailability> countsByClass(List<LotDistance> lots, TimeWindow window, Collection<SpotId> heldSpots) {
		SqlStatement statement = FreeSpotStatements.countsByClass(lots, window, heldSpots);
		List<ClassAvailability> counts = new ArrayList<>(jdbc.sql(statement.sql())
			.params(statement.params())
			.query((rs, row) -> new ClassAvailability(SpotClass.valueOf(rs.getString("spot_class")),
					rs.getInt("free"), rs.getInt("total")))
			.list());
		counts.sort(Comparator.comparing(ClassAvailability::spotClass));
		return counts;
	}
}
