package org.openparking.api.sessions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.openparking.api.shared.jdbc.ResultSets.instant;
import static org.openparking.api.shared.jdbc.SqlArrays.uuids;

import org.openparking.api.sessions.SessionId;
import org.openparking.api.sessions.SessionStatus;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.sessions.Sessions;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class StoredSessions implements Sessions {

	private static final String ACTIVE_ON = """
			select id, lot_id, spot_id, user_id, vehicle_plate, started_at, latest_allowed_end, charge_minor, currency
			from parking_session where spot_id = any(?::uuid[]) and ended_at is null""";

	private final ParkingSessions sessions;

	private final SessionEnder ender;

	private final JdbcClient jdbc;

	StoredSessions(ParkingSessions sessions, SessionEnder ender, JdbcClient jdbc) {
		this.sessions = sessions;
		this.ender = ender;
		this.jdbc = jdbc;
	}

	@Override
	public Optional<SessionView> find(SessionId id) {
		return sessions.findById(id.value()).map(ParkingSession::view);
	}

	@Override
	public Map<SessionId, SessionView> find(Collection<SessionId> ids) {
		return sessions.findAllById(ids.stream().map(SessionId::value).toList())
			.stream()
			.collect(Collectors.toMap(session -> new SessionId(session.id()), ParkingSession::view));
	}

	@Override
	public Optional<SessionView> activeOf(UserId user) {
		return sessions.findActiveOfUser(user.value()).map(ParkingSession::view);
	}

	/**
	 * Over JDBC with one array parameter (the partial index parking_session_one_active_per_spot serves it). Through JPA
	 * the IN list of a sensing batch's spots, of another length almost every time, made Hibernate interpret the query
	 * anew on each call: a fifth of the sensing consumer's CPU in a JFR profile of bin/bench-gateway --through-api. A
	 * native query with the same array parameter, mapped to {@link ParkingSession}, still took 17 % (Spring Data and
	 * Hibernate resolve its entity mapping per call); this takes 2.5 %. So the row is mapped here, as
	 * {@link ParkingSession#view} maps the entity.
	 */
	@Override
	public Map<SpotId, SessionView> activeOn(Collection<SpotId> spots) {
		if (spots.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(ACTIVE_ON)
			.param(uuids(spots.stream().map(SpotId::value).toList()))
			.query(StoredSessions::active)
			.list()
			.stream()
			.collect(Collectors.toMap(session -> new SpotId(session.spotId()), Function.identity()));
	}

	private static SessionView active(ResultSet rs, int row) throws SQLException {
		long charge = rs.getLong("charge_minor");
		return new SessionView(rs.getObject("id", UUID.class), SessionStatus.ACTIVE, rs.getObject("lot_id", UUID.class),
				rs.getObject("spot_id", UUID.class), rs.getString("user_id"), rs.getString("vehicle_plate"),
				instant(rs, "started_at"), instant(rs, "latest_allowed_end"), null,
				rs.wasNull() ? null : new Money(charge, rs.getString("currency")));
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Optional<SessionView> endLeftOpen(SessionId session, Instant leftAt) {
		return ender.endLeftOpen(session.value(), leftAt);
	}
}
