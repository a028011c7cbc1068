package org.openparking.simulator.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's own picture of who uses which spot when, so it names spots the API will grant. A booking is visible
 * to the API from the moment it is made (bookAt), but only its window [from, end) keeps other bookings away; a session
 * or a car without a booking keeps everything away while it stands there, since the API refuses a hold on a spot in
 * an open-ended session.
 */
final class SpotLedger {

	private record Claim(boolean booking, long visible, long from, long end) {

		boolean conflicts(Claim other) {
			if (booking && other.booking) {
				return from < other.end && other.from < end;
			}
			return visible < other.end && other.visible < end;
		}
	}

	private final List<List<Claim>> claims = new ArrayList<>();
	private final boolean[] usable;

	SpotLedger(boolean[] usable) {
		this.usable = usable.clone();
		for (int i = 0; i < usable.length; i++) {
			claims.add(new ArrayList<>());
		}
	}

	/** A spot free for a booking made at {@code visible} for [from, end), from a random start; -1 when the lot is full. */
	int claimBooking(Draws draws, long visible, long from, long end) {
		return claim(draws, new Claim(true, visible, from, end));
	}

	/** A spot free for a car standing there over [from, end) with no booking. */
	int claimStay(Draws draws, long from, long end) {
		return claim(draws, new Claim(false, from, from, end));
	}

	private int claim(Draws draws, Claim wanted) {
		int count = usable.length;
		int start = draws.index(count);
		for (int i = 0; i < count; i++) {
			int spot = (start + i) % count;
			if (usable[spot] && claims.get(spot).stream().noneMatch(wanted::conflicts)) {
				claims.get(spot).add(wanted);
				return spot;
			}
		}
		return -1;
	}
}
