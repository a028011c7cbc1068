package org.openparking.api.sessions.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.sessions.SessionEnded;
import org.openparking.api.sessions.SessionId;
import org.openparking.api.sessions.SessionStarted;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes sessions and publishes their events in the same transaction, so the event outbox never tells of a session
 * that PostgreSQL refused.
 */
@Component
class SessionRecords {

	private final ParkingSessions sessions;

	private final ApplicationEventPublisher events;

	SessionRecords(ParkingSessions sessions, ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.events = events;
	}

	/** @throws org.springframework.dao.DataIntegrityViolationException when a guard of the table refuses it */
	@Transactional
	SessionView start(ParkingSession session) {
		ParkingSession saved = sessions.saveAndFlush(session);
		SessionView view = saved.view();
		events.publishEvent(new SessionStarted(new SessionId(view.id()), new LotId(view.lotId()),
				new SpotId(view.spotId()), new UserId(saved.userId()), view.vehiclePlate(), view.startedAt()));
		return view;
	}

	/**
	 * Ends the session unless it has ended meanwhile (empty then); a concurrent end that commits first fails this one
	 * on the version check.
	 */
	@Transactional
	Optional<SessionView> end(UUID sessionId, Instant at, Money charge) {
		Optional<ParkingSession> active = sessions.findById(sessionId).filter(ParkingSession::isActive);
		active.ifPresent(session -> {
			session.end(at, charge);
			sessions.saveAndFlush(session);
			events.publishEvent(new SessionEnded(new SessionId(session.id()), new LotId(session.lotId()),
					new SpotId(session.spotId()), new UserId(session.userId()), charge, at));
		});
		return active.map(ParkingSession::view);
	}
}
