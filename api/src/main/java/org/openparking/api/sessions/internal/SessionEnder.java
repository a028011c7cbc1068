package org.openparking.api.sessions.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.Pricing;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.payments.ChargeRequest;
import org.openparking.api.payments.PaymentStatus;
import org.openparking.api.payments.PaymentSubject;
import org.openparking.api.payments.PaymentView;
import org.openparking.api.payments.Payments;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserError;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Ends the caller's session and charges it by tariff over [start, end).
 * <p>
 * The session ends first and for good: the car has left, so the spot is freed whatever the payment does. The charge
 * is then taken with the idempotency key {@code session:<id>}. When the provider declines, the session stays ended,
 * the payment stays FAILED, and the amount is owed: the payload returns the ended session together with a
 * PAYMENT_DECLINED user error. A free session (zero charge) needs no payment method and records no payment.
 */
@Service
public class SessionEnder {

	private static final String[] TOKEN_FIELD = { "input", "paymentMethodToken" };

	private final ParkingSessions sessions;

	private final SessionRecords records;

	private final SessionSpotClaims claims;

	private final LotCatalog catalog;

	private final Pricing pricing;

	private final Payments payments;

	private final Clock clock;

	SessionEnder(ParkingSessions sessions, SessionRecords records, SessionSpotClaims claims, LotCatalog catalog,
			Pricing pricing, Payments payments, Clock clock) {
		this.sessions = sessions;
		this.records = records;
		this.claims = claims;
		this.catalog = catalog;
		this.pricing = pricing;
		this.payments = payments;
		this.clock = clock;
	}

	/** @throws BusinessException when the caller has no active session, or it cannot be priced or paid for */
	public EndedSession end(UserId user, String paymentMethodToken) {
		ParkingSession session = sessions.findActiveOfUser(user.value()).orElseThrow(SessionEnder::noActiveSession);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		// Another node's clock may run slightly behind the one that started the session.
		Instant endedAt = now.isAfter(session.startedAt()) ? now : session.startedAt();
		Money charge = price(session, endedAt);
		if (charge.amountMinor() > 0 && (paymentMethodToken == null || paymentMethodToken.isBlank())) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT,
					"A payment method is needed to pay " + charge.amountMinor() + " " + charge.currency(), TOKEN_FIELD);
		}
		SessionView ended = endOnce(session, endedAt, charge);
		claims.release(ended.lotId(), ended.spotId(), ended.id());
		return new EndedSession(ended, pay(user, ended, paymentMethodToken));
	}

	/** See {@code Sessions.endLeftOpen}: ended at {@code leftAt} (not before its start), charged, nothing paid. */
	Optional<SessionView> endLeftOpen(java.util.UUID sessionId, Instant leftAt) {
		return sessions.findById(sessionId).filter(ParkingSession::isActive).flatMap(session -> {
			Instant endedAt = leftAt.isAfter(session.startedAt()) ? leftAt.truncatedTo(ChronoUnit.MICROS)
					: session.startedAt();
			Optional<SessionView> ended;
			try {
				ended = records.end(session.id(), endedAt, price(session, endedAt));
			}
			catch (OptimisticLockingFailureException concurrentEnd) {
				return Optional.empty();
			}
			ended.ifPresent(view -> claims.release(view.lotId(), view.spotId(), view.id()));
			return ended;
		});
	}

	private Money price(ParkingSession session, Instant endedAt) {
		LotId lot = new LotId(session.lotId());
		SpotSummary spot = catalog.spot(new SpotId(session.spotId()))
			.orElseThrow(() -> new IllegalStateException("Spot " + session.spotId() + " of an active session is gone"));
		// An instant-long stay still costs the minimum charge, so price at least one microsecond.
		Instant billedUntil = endedAt.isAfter(session.startedAt()) ? endedAt
				: session.startedAt().plus(1, ChronoUnit.MICROS);
		return pricing.price(lot, spot.spotClass(), new TimeWindow(session.startedAt(), billedUntil))
			.orElseThrow(() -> new BusinessException(UserErrorCode.TARIFF_MISSING,
					"The lot has no tariff for " + spot.spotClass() + " spots any more; ask the operator"));
	}

	private SessionView endOnce(ParkingSession session, Instant endedAt, Money charge) {
		try {
			return records.end(session.id(), endedAt, charge).orElseThrow(SessionEnder::noActiveSession);
		}
		catch (OptimisticLockingFailureException concurrentEnd) {
			throw noActiveSession();
		}
	}

	private Optional<UserError> pay(UserId user, SessionView ended, String paymentMethodToken) {
		if (ended.charge().amountMinor() == 0) {
			return Optional.empty();
		}
		PaymentView payment = payments.charge(new ChargeRequest("session:" + ended.id(),
				PaymentSubject.session(ended.id()), user, ended.charge(), paymentMethodToken));
		if (payment.status() != PaymentStatus.FAILED) {
			return Optional.empty();
		}
		return Optional.of(UserError.of(UserErrorCode.PAYMENT_DECLINED,
				"The session has ended, but the payment of %d %s was declined (%s); the amount is still owed"
					.formatted(ended.charge().amountMinor(), ended.charge().currency(), payment.failureReason()),
				TOKEN_FIELD));
	}

	private static BusinessException noActiveSession() {
		return new BusinessException(UserErrorCode.NO_ACTIVE_SESSION, "You have no active parking session");
	}

	/** @param paymentProblem set when the session ended but its payment was declined */
	public record EndedSession(SessionView session, Optional<UserError> paymentProblem) {
	}
}
