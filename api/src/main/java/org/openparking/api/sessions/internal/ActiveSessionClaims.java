package org.openparking.api.sessions.internal;

import java.time.Instant;
import java.util.List;

import org.openparking.api.holds.ClaimKind;
import org.openparking.api.holds.ClaimSource;
import org.openparking.api.holds.LiveClaim;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active sessions of a lot as claims, for rebuilding Redis. A session claims its spot over the same range the
 * database guards against bookings: until its latest allowed end, or open-ended ({@link LiveClaim#OPEN_END}).
 */
@Component
class ActiveSessionClaims implements ClaimSource {

	private final ParkingSessions sessions;

	ActiveSessionClaims(ParkingSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	@Transactional(readOnly = true)
	public List<LiveClaim> liveClaims(LotId lot, Instant now) {
		return sessions.findActiveInLot(lot.value())
			.stream()
			.map(session -> new LiveClaim(new SpotId(session.spotId()), ClaimKind.SESSION, session.id(),
					new TimeWindow(session.startedAt(),
							session.latestAllowedEnd() == null ? LiveClaim.OPEN_END : session.latestAllowedEnd())))
			.toList();
	}
}
