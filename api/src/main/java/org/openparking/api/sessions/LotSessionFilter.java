package org.openparking.api.sessions;

import java.time.Instant;
import java.util.List;

/**
 * Narrows {@code lotSessions}: every condition given must hold. {@code from}/{@code to} keep the sessions whose time
 * on the spot (to now while active) overlaps [from, to); either may be left open. {@code spotId} keeps one spot's
 * sessions.
 */
public record LotSessionFilter(String vehiclePlate, String userId, List<SessionStatus> statuses, Instant from,
		Instant to, String spotId) {
}
