package org.openparking.api.sessions.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.time.ZoneOffset.UTC;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.sessions.LotSessionFilter;
import org.openparking.api.sessions.SessionStatus;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.shared.graphql.TimeIdCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pages of a lot's sessions, newest first: the ids by keyset over the index parking_session_by_lot, then the sessions
 * themselves in one more statement.
 */
@Repository
class LotSessionPages {

	private final JdbcClient jdbc;

	private final ParkingSessions sessions;

	LotSessionPages(JdbcClient jdbc, ParkingSessions sessions) {
		this.jdbc = jdbc;
		this.sessions = sessions;
	}

	/**
	 * @param plate the filter's plate, normalised
	 * @param spot the filter's spot, parsed
	 */
	@Transactional(readOnly = true)
	List<SessionView> page(LotId lot, LotSessionFilter filter, String plate, SpotId spot, TimeIdCursor after,
			int limit) {
		StringBuilder sql = new StringBuilder("select id from parking_session where lot_id = ?");
		List<Object> params = new ArrayList<>(List.of(lot.value()));
		if (spot != null) {
			sql.append(" and spot_id = ?");
			params.add(spot.value());
		}
		if (plate != null) {
			sql.append(" and vehicle_plate = ?");
			params.add(plate);
		}
		if (filter != null && filter.userId() != null) {
			sql.append(" and user_id = ?");
			params.add(filter.userId());
		}
		if (filter != null && filter.statuses() != null && !filter.statuses().isEmpty()
				&& !EnumSet.copyOf(filter.statuses()).containsAll(EnumSet.allOf(SessionStatus.class))) {
			sql.append(filter.statuses().contains(SessionStatus.ACTIVE) ? " and ended_at is null"
					: " and ended_at is not null");
		}
		if (filter != null && filter.to() != null) {
			sql.append(" and started_at < ?");
			params.add(at(filter.to()));
		}
		if (filter != null && filter.from() != null) {
			sql.append(" and (ended_at is null or ended_at > ?)");
			params.add(at(filter.from()));
		}
		if (after != null) {
			sql.append(" and (started_at < ? or (started_at = ? and id > ?))");
			params.addAll(List.of(at(after.at()), at(after.at()), after.id()));
		}
		sql.append(" order by started_at desc, id limit ?");
		params.add(limit);
		List<UUID> ids = jdbc.sql(sql.toString()).params(params).query(UUID.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, SessionView> byId = sessions.findAllById(ids)
			.stream()
			.map(ParkingSession::view)
			.collect(Collectors.toMap(SessionView::id, Function.identity()));
		return ids.stream().map(byId::get).toList();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(UTC);
	}
}
