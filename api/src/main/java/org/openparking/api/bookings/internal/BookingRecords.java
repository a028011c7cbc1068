package org.openparking.api.bookings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static java.time.ZoneOffset.UTC;
import static org.openparking.api.shared.jdbc.SqlArrays.uuids;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.LotBookingFilter;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.openparking.api.shared.graphql.TimeIdCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The booking table. Writes that move a booking are guarded by the state they expect (status, window), so a
 * redelivered event or a concurrent request changes nothing twice; they return the new row, or empty when the guard
 * did not hold.
 */
@Repository
class BookingRecords {

	private static final String COLUMNS = """
			id, lot_id, spot_id, user_id, hold_id, vehicle_plate, lower(during) as starts_at, upper(during) as ends_at,
			status, price_minor, currency, created_at, updated_at, version""";

	private static final String SELECT = "select " + COLUMNS + " from booking";

	/** The statuses of the exclusion constraint, spelled out so the partial gist index serves the query. */
	private static final String LIVE = "status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN')";

	private final JdbcClient jdbc;

	BookingRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Raises exclusion_violation (23P01) when a live booking or a session of the spot overlaps. */
	void insert(BookingRow row) {
		jdbc.sql("""
				insert into booking (id, lot_id, spot_id, user_id, hold_id, vehicle_plate, during, status, price_minor,
				currency, created_at, updated_at) values (?, ?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), ?, ?, ?, ?, ?)""")
			.params(row.id(), row.lotId(), row.spotId(), row.userId().value(), row.holdId(), row.vehiclePlate(),
					at(row.window().from()), at(row.window().to()), row.status().name(), row.price().amountMinor(),
					row.price().currency(), at(row.createdAt()), at(row.updatedAt()))
			.update();
	}

	Optional<BookingRow> byId(BookingId id) {
		return jdbc.sql(SELECT + " where id = ?").param(id.value()).query(BookingRecords::row).optional();
	}

	Optional<BookingRow> byHoldId(String holdId) {
		return jdbc.sql(SELECT + " where hold_id = ?").param(holdId).query(BookingRecords::row).optional();
	}

	Optional<BookingRow> changeStatus(BookingId id, BookingStatus from, BookingStatus to, Instant now) {
		return jdbc.sql("update booking set status = ?, updated_at = ?, version = version + 1 where id = ? and status = ?"
				+ " returning " + COLUMNS)
			.params(to.name(), at(now), id.value(), from.name())
			.query(BookingRecords::row)
			.optional();
	}

	void recordCancellationReason(BookingId id, String reason) {
		jdbc.sql("update booking set cancellation_reason = ? where id = ?").params(reason, id.value()).update();
	}

	/** Moves the window of a confirmed booking; raises exclusion_violation when the new window collides. */
	Optional<BookingRow> extend(BookingId id, TimeWindow current, TimeWindow extended, Money price, Instant now) {
		return moveWindow(id, current, extended, price, now, " and status = 'CONFIRMED'");
	}

	/** Undoes an extension, in whatever status the booking is now. */
	Optional<BookingRow> revertExtension(BookingId id, TimeWindow extended, TimeWindow previous, Money price,
			Instant now) {
		return moveWindow(id, extended, previous, price, now, "");
	}

	private Optional<BookingRow> moveWindow(BookingId id, TimeWindow expected, TimeWindow target, Money price,
			Instant now, String guard) {
		return jdbc.sql("""
				update booking set during = tstzrange(?, ?, '[)'), price_minor = ?, updated_at = ?, version = version + 1
				where id = ? and during = tstzrange(?, ?, '[)')""" + guard + " returning " + COLUMNS)
			.params(at(target.from()), at(target.to()), price.amountMinor(), at(now), id.value(), at(expected.from()),
					at(expected.to()))
			.query(BookingRecords::row)
			.optional();
	}

	/**
	 * A page of the user's bookings, newest first, following the order of the index booking_by_user; one row more
	 * than asked tells whether another page follows.
	 */
	List<BookingRow> ofUser(UserId user, Collection<BookingStatus> statuses, TimeIdCursor after, int limit) {
		return page(new Conditions("user_id = ?", user.value()).statuses(statuses), after, limit);
	}

	/** A page of the lot's bookings, newest first (index booking_by_lot). */
	List<BookingRow> ofLot(LotId lot, LotBookingFilter filter, String plate, SpotId spot, TimeIdCursor after,
			int limit) {
		Conditions where = new Conditions("lot_id = ?", lot.value());
		if (filter != null) {
			where.and(plate != null, "vehicle_plate = ?", plate)
				.and(spot != null, "spot_id = ?", spot == null ? null : spot.value())
				.and(filter.userId() != null, "user_id = ?", filter.userId())
				.statuses(filter.statuses() == null ? List.of() : filter.statuses())
				.and(filter.from() != null || filter.to() != null, "during && tstzrange(?::timestamptz, ?::timestamptz, '[)')",
						filter.from() == null ? null : at(filter.from()), filter.to() == null ? null : at(filter.to()));
		}
		return page(where, after, limit);
	}

	private List<BookingRow> page(Conditions where, TimeIdCursor after, int limit) {
		if (after != null) {
			where.and(true, "(created_at < ? or (created_at = ? and id > ?))", at(after.at()), at(after.at()), after.id());
		}
		return jdbc.sql(SELECT + " where " + where.sql + " order by created_at desc, id limit ?")
			.params(where.params)
			.param(limit)
			.query(BookingRecords::row)
			.list();
	}

	/** The where clause of a page, built up condition by condition with its parameters. */
	private static final class Conditions {

		private final StringBuilder sql;

		private final List<Object> params = new ArrayList<>();

		Conditions(String first, Object param) {
			this.sql = new StringBuilder(first);
			params.add(param);
		}

		Conditions and(boolean when, String condition, Object... values) {
			if (when) {
				sql.append(" and ").append(condition);
				params.addAll(java.util.Arrays.asList(values));
			}
			return this;
		}

		Conditions statuses(Collection<BookingStatus> statuses) {
			return and(!statuses.isEmpty(), "status = any(?)",
					(Object) statuses.stream().map(BookingStatus::name).toArray(String[]::new));
		}
	}

	/** Live bookings of the lot that have not ended by {@code now}. */
	List<BookingRow> liveInLot(LotId lot, Instant now) {
		return jdbc.sql(SELECT + " where lot_id = ? and " + LIVE + " and during && tstzrange(?, null)")
			.params(lot.value(), at(now))
			.query(BookingRecords::row)
			.list();
	}

	/** Live bookings of the spots whose window contains {@code at}; the spot-led exclusion index serves it. */
	List<BookingRow> coveringAt(Collection<UUID> spots, Instant at) {
		return jdbc.sql(SELECT + " where spot_id = any(?::uuid[]) and " + LIVE + " and during @> ?::timestamptz")
			.params(uuids(spots), at(at))
			.query(BookingRecords::row)
			.list();
	}

	/** Per spot, the confirmed or checked-in booking that ended last in ({@code since}, {@code now}]. */
	List<BookingRow> lastEnded(Collection<UUID> spots, Instant since, Instant now) {
		return jdbc.sql("select distinct on (spot_id) " + COLUMNS + """
				 from booking where spot_id = any(?::uuid[]) and status in ('CONFIRMED', 'CHECKED_IN')
				and during && tstzrange(?, ?, '(]') and upper(during) > ? and upper(during) <= ?
				order by spot_id, upper(during) desc""")
			.params(uuids(spots), at(since), at(now), at(since), at(now))
			.query(BookingRecords::row)
			.list();
	}

	/**
	 * A window overlaps ({@code endedSince}, {@code startedBy}] when it starts by {@code startedBy} and ends after
	 * {@code endedSince}; the spot-led exclusion index serves it.
	 */
	List<BookingRow> awaitingArrival(Collection<UUID> spots, Instant startedBy, Instant endedSince) {
		return jdbc.sql(SELECT + " where spot_id = any(?::uuid[]) and status = 'CONFIRMED'"
				+ " and during && tstzrange(?, ?, '(]')")
			.params(uuids(spots), at(endedSince), at(startedBy))
			.query(BookingRecords::row)
			.list();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static BookingRow row(ResultSet rs, int n) throws SQLException {
		return new BookingRow(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class),
				rs.getObject("spot_id", UUID.class), new UserId(rs.getString("user_id")), rs.getString("hold_id"),
				rs.getString("vehicle_plate"), new TimeWindow(instant(rs, "starts_at"), instant(rs, "ends_at")),
				BookingStatus.valueOf(rs.getString("status")),
				new Money(rs.getLong("price_minor"), rs.getString("currency")), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getLong("version"));
	}

}
