package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openparking.api.sensing.AlertKind;
import org.openparking.api.sensing.AlertRaised;
import org.openparking.api.sensing.AlertStatus;
import org.openparking.api.sensing.AlertStatusChanged;
import org.openparking.api.sensing.AlertView;
import org.openparking.api.shared.jdbc.TimeOrderedUuids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Raises and resolves alerts on behalf of the rules, and announces each change (inside the caller's transaction). */
@Component
class AlertRecorder {

	/** Who resolved an alert that the rules closed themselves. */
	static final String SYSTEM = "system";

	private final Alerts alerts;

	private final ApplicationEventPublisher events;

	AlertRecorder(Alerts alerts, ApplicationEventPublisher events) {
		this.alerts = alerts;
		this.events = events;
	}

	/** Empty when an equal alert is active already. */
	Optional<AlertView> raise(NewAlert alert, Instant now) {
		return raise(alert, AlertStatus.OPEN, now);
	}

	/** In one statement; those of equal alerts active already are left out. Returns those raised. */
	List<AlertView> raise(List<NewAlert> raise, Instant now) {
		if (raise.isEmpty()) {
			return List.of();
		}
		List<AlertView> raised = alerts.raise(raise.stream().map(alert -> view(alert, AlertStatus.OPEN, now)).toList());
		raised.forEach(view -> events.publishEvent(new AlertRaised(view)));
		return raised;
	}

	/** See {@link Alerts#raiseOnce}: not again while the same situation lasts, even once resolved. */
	Optional<AlertView> raiseOnce(NewAlert alert, Instant since, Instant now) {
		Optional<AlertView> raised = alerts.raiseOnce(view(alert, AlertStatus.OPEN, now), since);
		raised.ifPresent(view -> events.publishEvent(new AlertRaised(view)));
		return raised;
	}

	/** An informational alert, resolved as it is raised (CHECKED_IN); once per booking or session. */
	Optional<AlertView> inform(NewAlert alert, Instant now) {
		return raise(alert, AlertStatus.RESOLVED, now);
	}

	void resolveOnSpots(AlertKind kind, Collection<UUID> spotIds, Instant now) {
		if (!spotIds.isEmpty()) {
			announce(alerts.resolveActive(kind, spotIds, now, SYSTEM));
		}
	}

	/** Resolves the kind's active alerts on the spots observed FREE when the statement runs. */
	void resolveOnFreeSpots(AlertKind kind, Instant now) {
		announce(alerts.resolveActiveOnFreeSpots(kind, now, SYSTEM));
	}

	/** Resolves those of the alerts still active. */
	void resolve(Collection<UUID> alertIds, Instant now) {
		if (!alertIds.isEmpty()) {
			announce(alerts.resolveActive(alertIds, now, SYSTEM));
		}
	}

	void resolveOfSession(AlertKind kind, UUID sessionId, Instant now) {
		announce(alerts.resolveActiveOfSession(kind, sessionId, now, SYSTEM));
	}

	void announce(List<AlertView> changed) {
		changed.forEach(alert -> events.publishEvent(new AlertStatusChanged(alert)));
	}

	private Optional<AlertView> raise(NewAlert alert, AlertStatus status, Instant now) {
		Optional<AlertView> raised = alerts.raise(List.of(view(alert, status, now))).stream().findFirst();
		raised.ifPresent(view -> events.publishEvent(new AlertRaised(view)));
		return raised;
	}

	private static AlertView view(NewAlert alert, AlertStatus status, Instant now) {
		boolean resolved = status == AlertStatus.RESOLVED;
		return new AlertView(TimeOrderedUuids.at(now), alert.lotId(), alert.spotId(), alert.kind(), status,
				alert.message(), alert.bookingId(), alert.sessionId(), alert.deviceId(), now, null, null,
				resolved ? now : null, resolved ? SYSTEM : null);
	}

	record NewAlert(AlertKind kind, UUID lotId, UUID spotId, UUID bookingId, UUID sessionId, String deviceId,
			String message) {

		static NewAlert onSpot(AlertKind kind, UUID lotId, UUID spotId, String message) {
			return new NewAlert(kind, lotId, spotId, null, null, null, message);
		}

		NewAlert booking(UUID id) {
			return new NewAlert(kind, lotId, spotId, id, sessionId, deviceId, message);
		}

		NewAlert session(UUID id) {
			return new NewAlert(kind, lotId, spotId, bookingId, id, deviceId, message);
		}

		NewAlert device(String id) {
			return new NewAlert(kind, lotId, spotId, bookingId, sessionId, id, message);
		}
	}
}
