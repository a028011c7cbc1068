package org.openparking.api.sensing.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotSummary;
import org.openparking.api.security.Caller;
import org.openparking.api.sensing.AlertStatus;
import org.openparking.api.sensing.AlertStatusChanged;
import org.openparking.api.sensing.AlertView;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operators acknowledge and resolve the alerts of their own lots (administrators of every lot). */
@Service
class AlertActions {

	private static final String[] ALERT_FIELD = { "input", "alertId" };

	private static final int MAX_NOTE = 500;

	private final Alerts alerts;

	private final LotCatalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AlertActions(Alerts alerts, LotCatalog catalog, ApplicationEventPublisher events, Clock clock) {
		this.alerts = alerts;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	AlertView acknowledge(Caller caller, String alertId, String note) {
		return act(caller, alertId, note, AlertStatus.OPEN,
				id -> alerts.acknowledge(id, caller.id().value(), note, clock.instant()));
	}

	@Transactional
	AlertView resolve(Caller caller, String alertId, String note) {
		return act(caller, alertId, note, AlertStatus.ACKNOWLEDGED,
				id -> alerts.resolve(id, caller.id().value(), note, clock.instant()));
	}

	/** @param latest the latest status the action accepts (OPEN for acknowledge, ACKNOWLEDGED for resolve) */
	private AlertView act(Caller caller, String alertId, String note, AlertStatus latest,
			Function<UUID, Optional<AlertView>> change) {
		if (note != null && note.length() > MAX_NOTE) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT, "A note has at most " + MAX_NOTE + " characters",
					"input", "note");
		}
		AlertView alert = parse(alertId).flatMap(alerts::find)
			.orElseThrow(() -> new BusinessException(UserErrorCode.NOT_FOUND, "No alert " + alertId, ALERT_FIELD));
		String operator = catalog.lot(new LotId(alert.lotId())).map(LotSummary::operatorId).orElse(null);
		caller.requireOperatorOf(operator);
		AlertView changed = change.apply(alert.id())
			.orElseThrow(() -> new BusinessException(UserErrorCode.ALERT_CLOSED,
					"The alert is " + alerts.find(alert.id()).map(AlertView::status).orElse(alert.status())
							+ (latest == AlertStatus.OPEN ? "; only an OPEN alert can be acknowledged"
									: "; it cannot be resolved again"),
					ALERT_FIELD));
		events.publishEvent(new AlertStatusChanged(changed));
		return changed;
	}

	private static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}
}
