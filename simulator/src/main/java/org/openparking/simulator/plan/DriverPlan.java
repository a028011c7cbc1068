package org.openparking.simulator.plan;

/**
 * What one simulated driver does: the ground truth the run is checked against. Times are simulated milliseconds;
 * {@code arrival}/{@code departure} are -1 when the car never comes.
 */
public record DriverPlan(int driver, Kind kind, int spot, long from, long to, long arrival, long departure,
		Outcome outcome) {

	public enum Kind { BOOKING, WALK_IN, UNAUTHORISED, BROWSER }

	public enum Outcome {
		/** came and left within the booking or session */
		PARKED,
		/** booked, never came */
		NO_SHOW,
		/** left after the booking ended */
		OVERSTAY,
		/** booked and moved the end later before coming */
		EXTENDED,
		CANCELLED,
		/** the payment was declined; the driver gave up */
		DECLINED,
		/** parked without a booking or session */
		UNAUTHORISED,
		/** only looked */
		BROWSED,
		/** no spot free for the whole stay: went elsewhere */
		TURNED_AWAY
	}

	public boolean carCame() {
		return arrival >= 0;
	}
}
