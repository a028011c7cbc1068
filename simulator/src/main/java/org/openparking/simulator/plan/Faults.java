package org.openparking.simulator.plan;

/**
 * Fault rates, each a probability in [0, 1]. Sensor-level faults (flapping, offline) are shares of the sensors; reading
 * faults (duplicate, out of order, malformed) are per reading; driver faults are shares of the arrivals (unauthorised)
 * or of the booking drivers (no-show, overstay, declined).
 */
public record Faults(double flapping, double offline, double duplicate, double outOfOrder, double malformed,
		double unauthorised, double noShow, double overstay, double declined) {

	public static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0, 0, 0, 0);

	public Faults {
		for (double rate : new double[] { flapping, offline, duplicate, outOfOrder, malformed, unauthorised, noShow,
				overstay, declined }) {
			if (!(rate >= 0 && rate <= 1)) {
				throw new IllegalArgumentException("fault rates must lie in [0, 1], got " + rate);
			}
		}
	}
}
