package org.openparking.simulator.plan;

import java.util.Arrays;

/** Relative arrival intensity per hour of the day, scaled so the day's mean is 1. */
public enum TimeOfDayProfile {

	FLAT(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
	/** Commuters: a morning peak, a lunch bump and an evening peak. */
	WEEKDAY(0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.9, 2.2, 2.6, 1.8, 1.2, 1.2, 1.5, 1.4, 1.1, 1.2, 1.6, 2.0, 1.7, 1.1, 0.8,
			0.5, 0.3, 0.2),
	/** Shoppers: a broad late-morning to afternoon plateau (the "busy Saturday"). */
	SATURDAY(0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.0, 1.8, 2.4, 2.6, 2.5, 2.4, 2.5, 2.4, 2.0, 1.6, 1.2, 0.9,
			0.6, 0.4, 0.2, 0.1);

	private final double[] factors;
	private final double max;

	TimeOfDayProfile(double... raw) {
		double mean = Arrays.stream(raw).average().orElseThrow();
		this.factors = Arrays.stream(raw).map(f -> f / mean).toArray();
		this.max = Arrays.stream(factors).max().orElseThrow();
	}

	/** The intensity at a time of day given as milliseconds since midnight (any value; wraps around days). */
	public double at(long millisOfDay) {
		long day = 24L * 3600_000;
		int hour = (int) (Math.floorMod(millisOfDay, day) / 3600_000);
		return factors[hour];
	}

	public double max() {
		return max;
	}
}
