package org.openparking.api.sensing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openparking.api.sensing.AlertKind;
import org.openparking.api.sensing.AlertStatus;
import org.openparking.api.sensing.AlertView;
import org.openparking.api.shared.graphql.TimeIdCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openparking.api.sensing.internal.SensorStream.at;
import static org.openparking.api.shared.jdbc.ResultSets.instant;
import static org.openparking.api.shared.jdbc.SqlArrays.uuids;

/**
 * The alert table. Raising relies on the partial unique indexes: a second active alert of the same kind, spot,
 * booking and session (or a second CHECKED_IN of one booking or session) is not inserted, whichever node tries.
 * Status changes are guarded by the status they expect.
 */
@Repository
class Alerts {

	private static final String ACTIVE = "status in ('OPEN', 'ACKNOWLEDGED')";

	/**
	 * Active alerts are looked up by spot through alert_one_active, so conditions on the spot use its leading
	 * expression: a second index of the active alerts by spot cost every raised alert one more index entry (V140).
	 */
	private static final String SPOT = "coalesce(spot_id, '00000000-0000-0000-0000-000000000000')";

	private static final String ON_SPOTS = SPOT + " = any(?)";

	private final JdbcClient jdbc;

	Alerts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The new alerts, in one statement; those equal to an active one (or a check-in reported already) are left out.
	 */
	List<AlertView> raise(List<AlertView> raise) {
		return jdbc.sql("""
				insert into alert (id, lot_id, spot_id, kind, status, message, booking_id, session_id, device_id,
				  raised_at, resolved_at, resolved_by)
				select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[],
				  ?::uuid[], ?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[])
				on conflict do nothing returning *""")
			.params(column(raise, AlertView::id), column(raise, AlertView::lotId), column(raise, AlertView::spotId),
					column(raise, AlertView::kind), column(raise, AlertView::status),
					column(raise, AlertView::message), column(raise, AlertView::bookingId),
					column(raise, AlertView::sessionId), column(raise, AlertView::deviceId),
					column(raise, AlertView::raisedAt), column(raise, AlertView::resolvedAt),
					column(raise, AlertView::resolvedBy))
			.query(Alerts::row)
			.list();
	}

	/** One column of the rows as text for unnest; null stays null. */
	private static String[] column(List<AlertView> rows, Function<AlertView, Object> value) {
		return rows.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
	}

	/**
	 * Like {@link #raise}, unless an alert of the kind was raised on the spot at or after {@code since}, whatever its
	 * status: an operator who resolved an alert about a car that is still there is not asked again every evaluation.
	 */
	Optional<AlertView> raiseOnce(AlertView alert, Instant since) {
		return jdbc.sql("""
				insert into alert (id, lot_id, spot_id, kind, status, message, booking_id, session_id, device_id,
				  raised_at)
				select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
				where not exists (select 1 from alert where kind = ? and spot_id = ? and raised_at >= ?)
				on conflict do nothing returning *""")
			.params(alert.id(), alert.lotId(), alert.spotId(), alert.kind().name(), alert.status().name(),
					alert.message(), alert.bookingId(), alert.sessionId(), alert.deviceId(), at(alert.raisedAt()),
					alert.kind().name(), alert.spotId(), at(since))
			.query(Alerts::row)
			.optional();
	}

	/** Active alerts of the kinds on the spots, by spot, in one statement. */
	Map<UUID, List<AlertView>> activeOnSpots(Collection<AlertKind> kinds, Collection<UUID> spotIds) {
		return jdbc.sql("select * from alert where " + ON_SPOTS + " and kind = any(?) and " + ACTIVE)
			.params(uuids(spotIds), kinds.stream().map(Enum::name).toArray(String[]::new))
			.query(Alerts::row)
			.list()
			.stream()
			.collect(Collectors.groupingBy(AlertView::spotId));
	}

	Optional<AlertView> find(UUID id) {
		return jdbc.sql("select * from alert where id = ?").param(id).query(Alerts::row).optional();
	}

	/** Active alerts of a kind on the spots, resolved now in one statement; returns those it resolved. */
	List<AlertView> resolveActive(AlertKind kind, Collection<UUID> spotIds, Instant now, String by) {
		return jdbc.sql("update alert set status = 'RESOLVED', resolved_at = ?, resolved_by = ? where " + ON_SPOTS
				+ " and kind = ? and " + ACTIVE + " returning *")
			.params(at(now), by, uuids(spotIds), kind.name())
			.query(Alerts::row)
			.list();
	}

	/**
	 * Active alerts of a kind on spots their sensor observes FREE, resolved now in one statement; returns those it
	 * resolved. The statement reads the observations itself, so a spot a car has taken since keeps its alert.
	 */
	List<AlertView> resolveActiveOnFreeSpots(AlertKind kind, Instant now, String by) {
		return jdbc.sql("update alert set status = 'RESOLVED', resolved_at = ?, resolved_by = ? where " + SPOT
				+ " in (select o.spot_id from spot_observation o join sensor_device d"
				+ " on d.spot_id = o.spot_id and d.device_id = o.device_id where o.state = 'FREE')"
				+ " and kind = ? and " + ACTIVE + " returning *")
			.params(at(now), by, kind.name())
			.query(Alerts::row)
			.list();
	}

	/**
	 * The alerts among {@code ids} still active, resolved now in one statement; returns those it resolved. By primary
	 * key: an alert has at most two row versions (raised, resolved), however many alerts its spot had.
	 */
	List<AlertView> resolveActive(Collection<UUID> ids, Instant now, String by) {
		return jdbc.sql("update alert set status = 'RESOLVED', resolved_at = ?, resolved_by = ?"
				+ " where id = any(?::uuid[]) and " + ACTIVE + " returning *")
			.params(at(now), by, uuids(ids))
			.query(Alerts::row)
			.list();
	}

	List<AlertView> resolveActiveOfSession(AlertKind kind, UUID sessionId, Instant now, String by) {
		return jdbc.sql("update alert set status = 'RESOLVED', resolved_at = ?, resolved_by = ? where kind = ?"
				+ " and session_id = ? and " + ACTIVE + " returning *")
			.params(at(now), by, kind.name(), sessionId)
			.query(Alerts::row)
			.list();
	}

	Optional<AlertView> acknowledge(UUID id, String by, String note, Instant now) {
		return jdbc.sql("""
				update alert set status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?,
				  note = coalesce(?, note) where id = ? and status = 'OPEN' returning *""")
			.params(at(now), by, note, id)
			.query(Alerts::row)
			.optional();
	}

	Optional<AlertView> resolve(UUID id, String by, String note, Instant now) {
		return jdbc.sql("update alert set status = 'RESOLVED', resolved_at = ?, resolved_by = ?,"
				+ " note = coalesce(?, note) where id = ? and " + ACTIVE + " returning *")
			.params(at(now), by, note, id)
			.query(Alerts::row)
			.optional();
	}

	/** Newest first, in the order of the index alert_by_lot; one row more than asked tells whether more follow. */
	List<AlertView> page(UUID lotId, AlertQuery query, TimeIdCursor after, int limit) {
		StringBuilder sql = new StringBuilder("select * from alert where lot_id = ?");
		List<Object> params = new ArrayList<>(List.of(lotId));
		if (!query.statuses().isEmpty()) {
			sql.append(" and status = any(?)");
			params.add(query.statuses().stream().map(Enum::name).toArray(String[]::new));
		}
		if (!query.kinds().isEmpty()) {
			sql.append(" and kind = any(?)");
			params.add(query.kinds().stream().map(Enum::name).toArray(String[]::new));
		}
		if (query.spotId() != null) {
			sql.append(" and spot_id = ?");
			params.add(query.spotId());
		}
		if (query.since() != null) {
			sql.append(" and raised_at >= ?");
			params.add(at(query.since()));
		}
		if (after != null) {
			sql.append(" and (raised_at < ? or (raised_at = ? and id > ?))");
			params.addAll(List.of(at(after.at()), at(after.at()), after.id()));
		}
		sql.append(" order by raised_at desc, id limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(Alerts::row).list();
	}

	Map<UUID, Integer> activeCounts(Collection<UUID> lotIds) {
		return jdbc.sql("select lot_id, count(*) as n from alert where lot_id = any(?::uuid[]) and " + ACTIVE
				+ " group by lot_id")
			.param(uuids(lotIds))
			.query((rs, n) -> Map.entry(rs.getObject("lot_id", UUID.class), rs.getInt("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static AlertView row(ResultSet rs, int n) throws SQLException {
		return new AlertView(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class),
				rs.getObject("spot_id", UUID.class), AlertKind.valueOf(rs.getString("kind")),
				AlertStatus.valueOf(rs.getString("status")), rs.getString("message"),
				rs.getObject("booking_id", UUID.class), rs.getObject("session_id", UUID.class),
				rs.getString("device_id"), instant(rs, "raised_at"), instant(rs, "acknowledged_at"),
				rs.getString("acknowledged_by"), instant(rs, "resolved_at"), rs.getString("resolved_by"));
	}

	/** The filter of the {@code alerts} query; empty sets mean any. */
	record AlertQuery(Collection<AlertStatus> statuses, Collection<AlertKind> kinds, UUID spotId, Instant since) {
	}
}
