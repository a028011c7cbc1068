package org.openparking.api.live.internal;

import java.time.Instant;

import org.openparking.api.bookings.BookingPlaced;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.BookingStatusChanged;
import org.openparking.api.holds.Hold;
import org.openparking.api.holds.HoldExpired;
import org.openparking.api.holds.HoldPlaced;
import org.openparking.api.holds.HoldReleased;
import org.openparking.api.lots.LotChanged;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotStateChanged;
import org.openparking.api.sensing.AlertRaised;
import org.openparking.api.sensing.AlertStatusChanged;
import org.openparking.api.sensing.SpotObservationChanged;
import org.openparking.api.sessions.SessionEnded;
import org.openparking.api.sessions.SessionStarted;
import org.openparking.api.sessions.SessionStatus;
import org.openparking.api.shared.UserId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns the other modules' domain events into live messages on Redis.
 *
 * <p>Hold events are published outside transactions, after Redis changed, so they are relayed at once. The others
 * are published inside their transaction and relayed only after it commits (never after a rollback). None of them
 * goes through the event publication registry: a live update needs no durability (clients refetch on reconnect),
 * and a {@code @TransactionalEventListener} would cost every booking and session transaction a stored publication
 * plus its completion, and replay stale updates after a restart. Listeners only enqueue; {@link RelayLanes} does the
 * Redis work.
 */
@Component
class LiveRelay {

	private final RelayLanes lanes;

	private final LivePublisher publisher;

	LiveRelay(RelayLanes lanes, LivePublisher publisher) {
		this.lanes = lanes;
		this.publisher = publisher;
	}

	@EventListener
	void on(HoldPlaced event) {
		holdChanged(event.hold(), SpotChangeCause.HELD, event.occurredAt());
	}

	@EventListener
	void on(HoldReleased event) {
		if (!event.convertedToBooking()) { // a conversion is reported as BOOKED when its BookingPlaced commits
			holdChanged(event.hold(), SpotChangeCause.HOLD_RELEASED, event.occurredAt());
		}
	}

	@EventListener
	void on(HoldExpired event) {
		holdChanged(event.hold(), SpotChangeCause.HOLD_EXPIRED, event.occurredAt());
	}

	@EventListener
	void on(BookingPlaced event) {
		afterCommit(event.lotId(), () -> {
			publisher.spotChanged(event.lotId(), event.spotId(), SpotChangeCause.BOOKED, event.occurredAt());
			publisher.bookingChanged(new BookingEvent(event.bookingId().value(), event.lotId().value(),
					BookingStatus.PENDING_PAYMENT, event.occurredAt()));
		});
	}

	@EventListener
	void on(BookingStatusChanged event) {
		SpotChangeCause cause = spotCause(event.previous(), event.status());
		afterCommit(event.lotId(), () -> {
			if (cause != null) {
				publisher.spotChanged(event.lotId(), event.spotId(), cause, event.occurredAt());
			}
			publisher.bookingChanged(new BookingEvent(event.bookingId().value(), event.lotId().value(), event.status(),
					event.occurredAt()));
		});
	}

	@EventListener
	void on(SessionStarted event) {
		sessionChanged(event.lotId(), event.spotId(), event.userId(), SpotChangeCause.SESSION_STARTED,
				new SessionEvent(event.sessionId().value(), event.lotId().value(), SessionStatus.ACTIVE,
						event.occurredAt()));
	}

	@EventListener
	void on(SessionEnded event) {
		sessionChanged(event.lotId(), event.spotId(), event.userId(), SpotChangeCause.SESSION_ENDED,
				new SessionEvent(event.sessionId().value(), event.lotId().value(), SessionStatus.COMPLETED,
						event.occurredAt()));
	}

	@EventListener
	void on(SpotStateChanged event) {
		SpotChangeCause cause = switch (event.state()) {
			case OPEN -> SpotChangeCause.OPENED;
			case CLOSED -> SpotChangeCause.CLOSED;
			case OUT_OF_SERVICE -> SpotChangeCause.OUT_OF_SERVICE;
		};
		afterCommit(event.lotId(),
				() -> publisher.spotChanged(event.lotId(), event.spotId(), cause, event.occurredAt()));
	}

	@EventListener
	void on(LotChanged event) {
		afterCommit(event.lotId(), () -> publisher.lotChanged(event.lotId(), event.occurredAt()));
	}

	@EventListener
	void on(AlertRaised event) {
		LotId lot = new LotId(event.alert().lotId());
		Publication message = publisher.alertChanged(event.alert());
		afterCommit(() -> lanes.publish(lot, message));
	}

	@EventListener
	void on(AlertStatusChanged event) {
		LotId lot = new LotId(event.alert().lotId());
		Publication message = publisher.alertChanged(event.alert());
		afterCommit(() -> lanes.publish(lot, message));
	}

	@EventListener
	void on(SpotObservationChanged event) {
		LotId lot = new LotId(event.observation().lotId());
		Publication message = publisher.observationChanged(event.observation());
		afterCommit(() -> lanes.publish(lot, message));
	}

	/** A spot event only when the booking starts or stops occupying its spot; null for payment steps. */
	static SpotChangeCause spotCause(BookingStatus previous, BookingStatus status) {
		boolean wasLive = previous != null && previous.isLive();
		if (status == BookingStatus.CHECKED_IN) {
			return SpotChangeCause.CHECKED_IN;
		}
		if (status.isLive() && !wasLive) {
			return SpotChangeCause.BOOKED;
		}
		if (!status.isLive() && wasLive) {
			return SpotChangeCause.BOOKING_RELEASED;
		}
		return null;
	}

	private void sessionChanged(LotId lot, SpotId spot, UserId owner, SpotChangeCause cause, SessionEvent event) {
		afterCommit(lot, () -> {
			publisher.spotChanged(lot, spot, cause, event.occurredAt());
			publisher.sessionChanged(owner, event);
		});
	}

	private void holdChanged(Hold hold, SpotChangeCause cause, Instant occurredAt) {
		LotId lot = hold.id().lotId();
		lanes.spotChanged(new SpotChange(lot, hold.spotId(), cause, occurredAt));
	}

	private void afterCommit(LotId lot, Runnable relay) {
		afterCommit(() -> lanes.run(lot, relay));
	}

	/**
	 * Like a {@code @TransactionalEventListener(fallbackExecution = true)}, without the publication registry. The
	 * messages of one transaction reach their lane one after another, so the lane sends them to Redis together.
	 */
	private static void afterCommit(Runnable enqueue) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			enqueue.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				enqueue.run();
			}
		});
	}
}
