package org.openparking.api.sessions.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.openparking.api.sessions.SessionId;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.sessions.Sessions;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class StoredSessions implements Sessions {

	private final ParkingSessions sessions;

	private final SessionEnder ender;

	StoredSessions(ParkingSessions sessions, SessionEnder ender) {
		this.sessions = sessions;
		this.ender = ender;
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

	@Override
	public Map<SpotId, SessionView> activeOn(Collection<SpotId> spots) {
		if (spots.isEmpty()) {
			return Map.of();
		}
		return sessions.findActiveOnSpots(spots.stream().map(SpotId::value).toList())
			.stream()
			.collect(Collectors.toMap(session -> new SpotId(session.spotId()), ParkingSession::view));
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Optional<SessionView> endLeftOpen(SessionId session, Instant leftAt) {
		return ender.endLeftOpen(session.value(), leftAt);
	}
}
