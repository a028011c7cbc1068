package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.bookings.BookingArrivals;
import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.BookingView;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.sensing.AlertKind;
import org.openparking.api.sensing.AlertView;
import org.openparking.api.sensing.SpotObservationView;
import org.openparking.api.sensing.internal.AlertRecorder.NewAlert;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.sessions.Sessions;
import org.springframework.stereotype.Component;

/**
 * The rules about a car on a spot, applied when a spot's observed state changes (the consumer) and again on every
 * evaluation (the evaluator), so that time passing (a booking starting or ending) counts as well.
 * <ul>
 * <li>OCCUPIED and a booking or session covers now: CHECKED_IN (a CONFIRMED booking becomes CHECKED_IN); an
 * UNEXPECTED_OCCUPANCY or OVERSTAY of the spot is resolved and its block lifted.</li>
 * <li>OCCUPIED and nothing covers now: OVERSTAY when the car was there before the spot's last booking ended,
 * UNEXPECTED_OCCUPANCY otherwise; either way the spot is blocked in Redis for holds, sessions and search
 * ({@link SpotClaims#blockOccupied}), renewed while the car stays. A hold covering now counts as covered: its driver
 * is paying for the spot.</li>
 * <li>FREE: UNEXPECTED_OCCUPANCY resolved, block lifted; an OVERSTAY is priced up to the time the car left, recorded
 * for charging and resolved, and its booking COMPLETED.</li>
 * </ul>
 */
@Component
class SpotRules {

	private static final Logger log = LoggerFactory.getLogger(SpotRules.class);

	private static final List<AlertKind> CAR_WITHOUT_CLAIM = List.of(AlertKind.UNEXPECTED_OCCUPANCY,
			AlertKind.OVERSTAY);

	private final BookingArrivals arrivals;

	private final Sessions sessions;

	private final SpotClaims claims;

	private final LotCatalog catalog;

	private final AlertRecorder recorder;

	private final Alerts alerts;

	private final OverstayCharges overstays;

	private final SensingProperties properties;

	private final SpotBlockCalls blockCalls;

	SpotRules(BookingArrivals arrivals, Sessions sessions, SpotClaims claims, LotCatalog catalog,
			AlertRecorder recorder, Alerts alerts, OverstayCharges overstays, SensingProperties properties,
			SpotBlockCalls blockCalls) {
		this.arrivals = arrivals;
		this.sessions = sessions;
		this.claims = claims;
		this.catalog = catalog;
		this.recorder = recorder;
		this.alerts = alerts;
		this.overstays = overstays;
		this.properties = properties;
		this.blockCalls = blockCalls;
	}

	/**
	 * What the rules need to know about the spots, read in four statements whatever their number, and the Redis block
	 * of those of {@code occupied} that nothing covers, one call per lot, made while the last two statements run. A
	 * batch of changes prepares once for all its spots (blocking every spot it saw OCCUPIED at any point) and passes
	 * the facts to every round; the spots it leaves FREE are unblocked while it settles ({@link #unblockAside}), so
	 * Redis ends in the batch's final state.
	 */
	SpotFacts prepare(Collection<UUID> spotIds, List<SpotObservationView> occupied, Instant now) {
		List<SpotId> ids = spotIds.stream().map(SpotId::new).toList();
		Map<SpotId, BookingView> bookings = arrivals.coveringAt(ids, now);
		Map<SpotId, SessionView> active = sessions.activeOn(ids);
		List<SpotId> uncovered = ids.stream()
			.filter(id -> !bookings.containsKey(id) && !active.containsKey(id))
			.toList();
		Set<SpotId> notCovered = Set.copyOf(uncovered);
		List<SpotObservationView> toBlock = occupied.stream()
			.filter(spot -> notCovered.contains(new SpotId(spot.spotId())))
			.toList();
		CompletableFuture<Set<UUID>> blocked = toBlock.isEmpty() ? CompletableFuture.completedFuture(Set.of())
				: blockCalls.submit(() -> block(toBlock, now));
		Map<SpotId, BookingView> ended = uncovered.isEmpty() ? Map.of()
				: arrivals.lastEnded(uncovered, now.minus(properties.overstayLookback()), now);
		Map<UUID, List<AlertView>> carAlerts = alerts.activeOnSpots(CAR_WITHOUT_CLAIM, spotIds);
		return new SpotFacts(bookings, active, ended, carAlerts, blocked.join());
	}

	/** For spots outside a batch (the evaluator): prepares their facts first. */
	void occupied(List<SpotObservationView> spots, boolean changed, Instant now) {
		if (!spots.isEmpty()) {
			occupied(spots, changed, now,
					prepare(spots.stream().map(SpotObservationView::spotId).toList(), spots, now));
		}
	}

	/**
	 * @param spots spots observed OCCUPIED, each since its {@code observedAt}
	 * @param changed whether they just turned OCCUPIED (a session's check-in is reported then)
	 */
	void occupied(List<SpotObservationView> spots, boolean changed, Instant now, SpotFacts facts) {
		if (spots.isEmpty()) {
			return;
		}
		List<NewAlert> arrivedUncovered = new ArrayList<>();
		for (SpotObservationView spot : spots) {
			SpotId id = new SpotId(spot.spotId());
			List<AlertView> open = facts.carAlerts(spot.spotId());
			if (facts.covered(id)) {
				covered(spot, facts.booking(id), facts.session(id), !open.isEmpty() || changed, open, now, facts);
			}
			else {
				uncovered(spot, facts.ended(id), open, facts.blocked(spot.spotId())).ifPresent(alert -> {
					if (changed) {
						arrivedUncovered.add(alert);
					}
					else {
						recorder.raiseOnce(alert, spot.observedAt(), now).ifPresent(raised -> facts.raised(List.of(raised)));
					}
				});
			}
		}
		facts.raised(recorder.raise(arrivedUncovered, now));
	}

	private void covered(SpotObservationView spot, BookingView booking, SessionView session, boolean arrived,
			List<AlertView> open, Instant now, SpotFacts facts) {
		if (!open.isEmpty()) {
			List<AlertView> resolved = open.stream()
				.flatMap(alert -> alerts.resolve(alert.id(), AlertRecorder.SYSTEM, "covered by a booking or session", now)
					.stream())
				.toList();
			recorder.announce(resolved);
			facts.resolved(open);
			unblock(List.of(spot));
		}
		String code = code(spot);
		if (booking != null && booking.status() == BookingStatus.CONFIRMED) {
			arrivals.checkIn(new BookingId(booking.id()))
				.ifPresent(checkedIn -> recorder.inform(NewAlert
					.onSpot(AlertKind.CHECKED_IN, spot.lotId(), spot.spotId(),
							"The car of booking " + booking.id() + " arrived at spot " + code)
					.booking(booking.id()), now));
		}
		if (session != null && arrived) {
			recorder.inform(NewAlert
				.onSpot(AlertKind.CHECKED_IN, spot.lotId(), spot.spotId(),
						"The car of session " + session.id() + " is on spot " + code)
				.session(session.id()), now);
			recorder.resolveOfSession(AlertKind.SESSION_LEFT_OPEN, session.id(), now);
		}
	}

	/**
	 * The alert the car on a spot that no booking or session covers calls for, if none is active. A car that just
	 * arrived raises it; on later evaluations it is raised only if none was raised since the car arrived, so an
	 * operator who resolved it is not asked again while the car stays.
	 * @param blocked false when a hold covers now (its driver is paying for the spot)
	 */
	private Optional<NewAlert> uncovered(SpotObservationView spot, BookingView overstayed, List<AlertView> open,
			boolean blocked) {
		if (!blocked) {
			return Optional.empty();
		}
		if (!open.isEmpty()) {
			return Optional.empty();
		}
		String code = code(spot);
		NewAlert alert = overstayed != null && spot.observedAt().isBefore(overstayed.to())
				? NewAlert.onSpot(AlertKind.OVERSTAY, spot.lotId(), spot.spotId(), "Booking " + overstayed.id()
						+ " ended at " + overstayed.to() + "; its car is still on spot " + code).booking(overstayed.id())
				: NewAlert.onSpot(AlertKind.UNEXPECTED_OCCUPANCY, spot.lotId(), spot.spotId(),
						"Spot " + code + " is occupied, but no booking or session covers it");
		return Optional.of(alert);
	}

	/**
	 * The cars left, each at its observation's time; the statements do not grow with the spots. The caller lifts the
	 * spots' blocks ({@link #unblock}) once the batch is settled.
	 */
	void freed(List<SpotObservationView> spots, Instant now, SpotFacts facts) {
		if (spots.isEmpty()) {
			return;
		}
		// By the ids the batch knows: a lookup by spot walks every alert the spot ever had until vacuum runs. None of
		// them is active afterwards, whether this resolved it or an operator just did.
		List<AlertView> unexpected = spots.stream()
			.flatMap(spot -> facts.carAlerts(spot.spotId()).stream())
			.filter(alert -> alert.kind() == AlertKind.UNEXPECTED_OCCUPANCY)
			.toList();
		recorder.resolve(unexpected.stream().map(AlertView::id).toList(), now);
		facts.resolved(unexpected);
		for (SpotObservationView spot : spots) {
			for (AlertView overstay : facts.carAlerts(spot.spotId())) {
				if (overstay.kind() == AlertKind.OVERSTAY) {
					leftAfterOverstay(spot, overstay, now);
					facts.resolved(List.of(overstay));
				}
			}
		}
	}

	/**
	 * Bookings that ended on spots now FREE and are still CHECKED_IN: their car left, at the spot's observation. Each is
	 * COMPLETED; one with an OVERSTAY still active is priced and charged for it as a departure would be, and the alert
	 * resolved. The consumer settles a departure's OVERSTAY that its batch knows; this catches a car that left within
	 * its window (nothing completed its booking), and an OVERSTAY raised from OCCUPIED read just before the departure
	 * committed. Repeats are harmless: pricing and completing are guarded.
	 */
	void leftAfterEnd(List<SpotObservationView> free, Instant now) {
		if (free.isEmpty()) {
			return;
		}
		Map<SpotId, BookingView> ended = arrivals.lastEnded(
				free.stream().map(spot -> new SpotId(spot.spotId())).toList(), now.minus(properties.overstayLookback()),
				now);
		Map<UUID, BookingView> checkedIn = new LinkedHashMap<>();
		ended.forEach((spot, booking) -> {
			if (booking.status() == BookingStatus.CHECKED_IN) {
				checkedIn.put(spot.value(), booking);
			}
		});
		if (checkedIn.isEmpty()) {
			return;
		}
		Map<UUID, List<AlertView>> open = alerts.activeOnSpots(List.of(AlertKind.OVERSTAY), checkedIn.keySet());
		for (SpotObservationView spot : free) {
			BookingView booking = checkedIn.get(spot.spotId());
			if (booking == null) {
				continue;
			}
			List<AlertView> overstays = open.getOrDefault(spot.spotId(), List.of());
			if (overstays.isEmpty()) {
				arrivals.complete(new BookingId(booking.id()));
			}
			overstays.forEach(overstay -> leftAfterOverstay(spot, overstay, now));
		}
	}

	private void leftAfterOverstay(SpotObservationView spot, AlertView overstay, Instant now) {
		arrivals.find(new BookingId(overstay.bookingId())).ifPresent(booking -> {
			overstays.record(booking, spot.observedAt(), now);
			arrivals.complete(new BookingId(booking.id()));
		});
		recorder.announce(alerts.resolve(overstay.id(), AlertRecorder.SYSTEM, "the car left", now).stream().toList());
	}

	/**
	 * Blocks the spots, one Redis call per lot; returns those blocked, without the ones a claim covers now. A Redis
	 * failure is only logged (the spots count as blocked, and the block is renewed on the next evaluation).
	 */
	private Set<UUID> block(List<SpotObservationView> spots, Instant now) {
		Set<UUID> blocked = new HashSet<>();
		byLot(spots).forEach((lot, ids) -> {
			try {
				claims.blockOccupied(lot, ids, now.plus(properties.blockFor()))
					.keySet()
					.forEach(spot -> blocked.add(spot.value()));
			}
			catch (RuntimeException ex) {
				log.warn("Could not block {} occupied spots of lot {}: {}", ids.size(), lot, ex.toString());
				ids.forEach(spot -> blocked.add(spot.value()));
			}
		});
		return blocked;
	}

	/**
	 * {@link #unblock}, made after the blocks of {@link #prepare} on the thread that made them; done when the returned
	 * stage is. A batch's freed spots are lifted while its statements run: nothing between its prepare and its end reads
	 * their blocks.
	 */
	CompletableFuture<Void> unblockAside(List<SpotObservationView> spots) {
		return spots.isEmpty() ? CompletableFuture.completedFuture(null) : blockCalls.submit(() -> unblock(spots));
	}

	/** Lifts the spots' blocks, one Redis call per lot. */
	void unblock(List<SpotObservationView> spots) {
		byLot(spots).forEach((lot, ids) -> {
			try {
				claims.unblockOccupied(lot, ids);
			}
			catch (RuntimeException ex) {
				log.warn("Could not unblock {} spots of lot {} (the blocks lapse by themselves): {}", ids.size(), lot,
						ex.toString());
			}
		});
	}

	private static Map<LotId, List<SpotId>> byLot(List<SpotObservationView> spots) {
		return spots.stream()
			.collect(Collectors.groupingBy(spot -> new LotId(spot.lotId()), LinkedHashMap::new,
					Collectors.mapping(spot -> new SpotId(spot.spotId()), Collectors.toList())));
	}

	String code(SpotObservationView spot) {
		return catalog.spot(new LotId(spot.lotId()), new SpotId(spot.spotId()))
			.map(SpotSummary::code)
			.orElse(spot.spotId().toString());
	}
}
