package org.openparking.api.sensing.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openparking.api.bookings.BookingView;
import org.openparking.api.lots.SpotId;
import org.openparking.api.sensing.AlertView;
import org.openparking.api.sessions.SessionView;

/**
 * What the rules know about a batch of spots, read once for the batch: the bookings and sessions covering now, the
 * bookings that ended lately, the active alerts about a car without a claim, and which spots are blocked. The
 * consumer settles a spot that changed several times in one batch in rounds; reading these per round made the
 * statements of a batch grow with its rounds. The alerts are kept up to date as the rules raise and resolve them, so
 * each round sees the ones before it.
 */
final class SpotFacts {

	private final Map<SpotId, BookingView> bookings;

	private final Map<SpotId, SessionView> sessions;

	private final Map<SpotId, BookingView> ended;

	private final Map<UUID, List<AlertView>> carAlerts;

	/** The OCCUPIED spots that nothing covers, blocked in Redis; see {@link SpotRules#prepare}. */
	private final Set<UUID> blocked;

	SpotFacts(Map<SpotId, BookingView> bookings, Map<SpotId, SessionView> sessions, Map<SpotId, BookingView> ended,
			Map<UUID, List<AlertView>> carAlerts, Set<UUID> blocked) {
		this.bookings = bookings;
		this.sessions = sessions;
		this.ended = ended;
		this.carAlerts = new HashMap<>();
		carAlerts.forEach((spot, open) -> this.carAlerts.put(spot, new ArrayList<>(open)));
		this.blocked = Set.copyOf(blocked);
	}

	boolean covered(SpotId spot) {
		return bookings.containsKey(spot) || sessions.containsKey(spot);
	}

	BookingView booking(SpotId spot) {
		return bookings.get(spot);
	}

	SessionView session(SpotId spot) {
		return sessions.get(spot);
	}

	/** The spot's last booking that ended within the overstay look-back, if nothing covers the spot now. */
	BookingView ended(SpotId spot) {
		return ended.get(spot);
	}

	/** False for a spot that a hold covers now (its driver is paying for it), as for one that is not occupied. */
	boolean blocked(UUID spot) {
		return blocked.contains(spot);
	}

	List<AlertView> carAlerts(UUID spot) {
		return List.copyOf(carAlerts.getOrDefault(spot, List.of()));
	}

	void raised(Collection<AlertView> alerts) {
		alerts.forEach(alert -> carAlerts.computeIfAbsent(alert.spotId(), spot -> new ArrayList<>()).add(alert));
	}

	void resolved(Collection<AlertView> alerts) {
		alerts.forEach(alert -> carAlerts.computeIfPresent(alert.spotId(), (spot, open) -> {
			open.removeIf(active -> active.id().equals(alert.id()));
			return open.isEmpty() ? null : open;
		}));
	}
}
