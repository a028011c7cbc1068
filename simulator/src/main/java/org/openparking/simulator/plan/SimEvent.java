package org.openparking.simulator.plan;

/**
 * One step of a simulation, at {@code at} milliseconds of simulated time after the start. Events say what happens in the
 * simulated world (a driver books, a car arrives, a sensor reports); ids, sequence numbers and timestamps are the
 * executor's business, so the plan stays a pure function of seed and configuration.
 */
public sealed interface SimEvent permits SimEvent.DriverAction, SimEvent.Reading, SimEvent.Malformed,
		SimEvent.SensorSilenced {

	long at();

	/** Serial key: the events of one driver run in order, as do the events of one sensor that no driver causes. */
	String actor();

	enum Action {
		/** search and quote, then leave */
		BROWSE,
		/** search, quote, hold the spot for [from, to) and confirm with a payment token */
		BOOK,
		CANCEL,
		/** move the booking's end to {@code to} */
		EXTEND,
		START_SESSION,
		END_SESSION
	}

	/**
	 * A driver's call to the API. {@code from}/{@code to} are simulated times of the booking window (or of the search);
	 * {@code spot} is the spot index, -1 when none.
	 */
	record DriverAction(long at, int driver, Action action, int spot, long from, long to, boolean declinedPayment)
			implements SimEvent {

		@Override
		public String actor() {
			return "driver-" + driver;
		}
	}

	/**
	 * A reading of the sensor on {@code spot}. {@code driver} is the driver whose car caused it (-1: none; the reading then
	 * runs on the sensor's own line); a reading caused by a driver is skipped if the driver's API call failed.
	 * {@code duplicate}: it is sent twice; {@code stale}: an older reading of the other state follows it.
	 */
	record Reading(long at, int spot, Kind kind, boolean occupied, int driver, Cause cause, boolean duplicate,
			boolean stale) implements SimEvent {

		public enum Kind { STARTUP, STATUS, HEARTBEAT }

		/** Why the reading happens: the simulated ground truth the invariant test compares the alerts with. */
		public enum Cause { INITIAL, HEARTBEAT, ARRIVAL, DEPARTURE, UNAUTHORISED_ARRIVAL, UNAUTHORISED_DEPARTURE,
			OVERSTAY_DEPARTURE, FLAP }

		@Override
		public String actor() {
			return driver >= 0 ? "driver-" + driver : "sensor-" + spot;
		}
	}

	/** A payload the gateway must reject, sent on the topic of the sensor on {@code spot}. */
	record Malformed(long at, int spot, Garbage garbage) implements SimEvent {

		public enum Garbage { NOT_JSON, WRONG_TYPE, MISSING_FIELD, ABSURD_TIMESTAMP, OVERSIZED }

		@Override
		public String actor() {
			return "sensor-" + spot;
		}
	}

	/** From now on the sensor on {@code spot} sends nothing (battery out, radio gone). */
	record SensorSilenced(long at, int spot) implements SimEvent {

		@Override
		public String actor() {
			return "sensor-" + spot;
		}
	}
}
