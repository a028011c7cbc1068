package org.openparking.gateway.uplink;

/** A battery level as the sensor reported it: volts or percent. */
public record Battery(double value, Unit unit) {

	public enum Unit {
		VOLTS, PERCENT
	}

	/** Whether this level is below the threshold of its unit. */
	public boolean isBelow(double volts, double percent) {
		return value < (unit == Unit.VOLTS ? volts : percent);
	}
}
