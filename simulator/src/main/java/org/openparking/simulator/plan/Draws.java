package org.openparking.simulator.plan;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Random draws of one stream. Only arithmetic on {@link SplittableRandom#nextDouble()}, whose sequence the JDK
 * specifies, so a seed means the same draws on every JVM.
 */
final class Draws {

	private final SplittableRandom random;

	Draws(SplittableRandom random) {
		this.random = random;
	}

	Draws split() {
		return new Draws(random.split());
	}

	double uniform() {
		return random.nextDouble();
	}

	boolean chance(double probability) {
		return probability > 0 && random.nextDouble() < probability;
	}

	int index(int bound) {
		return (int) Math.min(bound - 1, Math.floor(random.nextDouble() * bound));
	}

	long between(long min, long max) {
		return max <= min ? min : min + (long) Math.floor(random.nextDouble() * (max - min));
	}

	/** Exponential with the given mean: the gap between events of a Poisson process. */
	double exponential(double mean) {
		return -mean * Math.log(1 - random.nextDouble());
	}

	/** Standard normal by Box-Muller. */
	double gaussian() {
		double u1 = 1 - random.nextDouble();
		double u2 = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

	/** Log-normal with the given median and shape, clamped to [min, max]: parking dwell times are right-skewed. */
	long logNormal(Duration median, double sigma, Duration min, Duration max) {
		double value = median.toMillis() * Math.exp(sigma * gaussian());
		return Math.clamp(Math.round(value), min.toMillis(), max.toMillis());
	}
}
