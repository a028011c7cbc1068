package org.openparking.api.sensing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.bookings.BookingArrivals;
import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingView;
import org.openparking.api.lots.SpotId;
import org.openparking.api.sensing.AlertKind;
import org.openparking.api.sensing.ObservedState;
import org.openparking.api.sensing.SpotObservationView;
import org.openparking.api.sensing.internal.AlertRecorder.NewAlert;
import org.openparking.api.sensing.internal.SensingProperties.NoShowPolicy;
import org.openparking.api.sessions.SessionId;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.sessions.Sessions;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time-based rules, every {@code evaluation-interval} on every node, by the injected clock: occupied spots are
 * reconciled again (a booking that started or ended meanwhile; blocks renewed), car-without-claim alerts left on FREE
 * spots are resolved, CHECKED_IN bookings that ended on FREE spots are completed, CONFIRMED bookings whose spot stayed
 * FREE past the arrival grace become NO_SHOW, active sessions whose spot has been FREE past the departure grace raise
 * SESSION_LEFT_OPEN (and end when configured), and due overstays are charged. A transaction-scoped advisory lock lets
 * one node evaluate at a time; the guarded transitions and the alerts' unique indexes make a repeat harmless.
 */
@Component
class RuleEvaluator implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RuleEvaluator.class);

	private static final int CHUNK = 500;

	private final SpotObservations observations;

	private final SpotRules rules;

	private final BookingArrivals arrivals;

	private final Sessions sessions;

	private final AlertRecorder recorder;

	private final OverstayCharges overstays;

	private final SensorStream stream;

	private final Stays stays;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final SensingProperties properties;

	private final Clock clock;

	private ScheduledExecutorService scheduler;

	RuleEvaluator(SpotObservations observations, SpotRules rules, BookingArrivals arrivals, Sessions sessions,
			AlertRecorder recorder, OverstayCharges overstays, SensorStream stream, Stays stays, JdbcClient jdbc,
			PlatformTransactionManager transactions, SensingProperties properties, Clock clock) {
		this.observations = observations;
		this.rules = rules;
		this.arrivals = arrivals;
		this.sessions = sessions;
		this.recorder = recorder;
		this.overstays = overstays;
		this.stream = stream;
		this.stays = stays;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
	}

	/** One evaluation now; false when another node was evaluating. */
	boolean evaluate() {
		Instant now = clock.instant();
		Boolean ran = transaction.execute(tx -> {
			if (!jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('parking.sensing.evaluator', 0))")
				.query(Boolean.class)
				.single()) {
				return false;
			}
			chunks(observations.inState(ObservedState.OCCUPIED), chunk -> rules.occupied(chunk, false, now));
			// A car-without-claim alert on a FREE spot was raised (by the pass above, now or earlier) from OCCUPIED
			// read just before the departure committed, after the consumer had read which alerts that departure ends.
			recorder.resolveOnFreeSpots(AlertKind.UNEXPECTED_OCCUPANCY, now);
			chunks(observations.inState(ObservedState.FREE), chunk -> {
				rules.leftAfterEnd(chunk, now);
				noShows(chunk, now);
				leftOpen(chunk, now);
			});
			return true;
		});
		overstays.chargeDue(now);
		if (Boolean.TRUE.equals(ran)) {
			// By the node that evaluated: every node deleting the same rows every evaluation only multiplied the work.
			stream.pruneApplied(now.minus(properties.rereadWindow().multipliedBy(2)).minusSeconds(600));
			stream.pruneGaps(now.minus(properties.rereadWindow()));
			stays.prune(now.minus(properties.stayRetention()));
		}
		return Boolean.TRUE.equals(ran);
	}

	private void noShows(List<SpotObservationView> free, Instant now) {
		List<SpotId> ids = free.stream().map(spot -> new SpotId(spot.spotId())).toList();
		for (BookingView booking : arrivals.awaitingArrival(ids, now.minus(properties.arrivalGrace()),
				now.minus(properties.overstayLookback()))) {
			arrivals.markNoShow(new BookingId(booking.id()), properties.noShow() == NoShowPolicy.RELEASE)
				.ifPresent(noShow -> recorder.raise(NewAlert
					.onSpot(AlertKind.NO_SHOW, booking.lotId(), booking.spotId(),
							"Booking " + booking.id() + " started at " + booking.from() + "; nobody arrived within "
									+ properties.arrivalGrace().toMinutes() + " min"
									+ (properties.noShow() == NoShowPolicy.RELEASE ? ", the spot is released"
											: ", the spot stays reserved"))
					.booking(booking.id()), now));
		}
	}

	private void leftOpen(List<SpotObservationView> free, Instant now) {
		Map<SpotId, SpotObservationView> bySpot = free.stream()
			.collect(Collectors.toMap(spot -> new SpotId(spot.spotId()), Function.identity()));
		sessions.activeOn(bySpot.keySet()).forEach((spot, session) -> {
			SpotObservationView observed = bySpot.get(spot);
			Instant freeSince = observed.observedAt().isAfter(session.startedAt()) ? observed.observedAt()
					: session.startedAt();
			if (now.isBefore(freeSince.plus(properties.departureGrace()))) {
				return;
			}
			recorder.raiseOnce(NewAlert
				.onSpot(AlertKind.SESSION_LEFT_OPEN, session.lotId(), session.spotId(),
						"Session " + session.id() + " is active, but spot " + rules.code(observed) + " is free since "
								+ freeSince)
				.session(session.id()), freeSince, now);
			if (properties.autoEndSessions()) {
				endLeftOpen(session, freeSince);
			}
		});
	}

	private void endLeftOpen(SessionView session, Instant leftAt) {
		try {
			sessions.endLeftOpen(new SessionId(session.id()), leftAt);
		}
		catch (RuntimeException ex) {
			log.warn("Could not end session {} left open: {}", session.id(), ex.toString());
		}
	}

	private static void chunks(List<SpotObservationView> spots,
			java.util.function.Consumer<List<SpotObservationView>> work) {
		for (int i = 0; i < spots.size(); i += CHUNK) {
			work.accept(spots.subList(i, Math.min(spots.size(), i + CHUNK)));
		}
	}

	private void scheduled() {
		try {
			evaluate();
		}
		catch (RuntimeException ex) {
			log.warn("Sensing rule evaluation failed: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name(ObservationConsumer.THREAD_PREFIX + "evaluator").daemon().factory());
		long interval = Math.max(1, properties.evaluationInterval().toMillis());
		scheduler.scheduleWithFixedDelay(this::scheduled, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}
}
