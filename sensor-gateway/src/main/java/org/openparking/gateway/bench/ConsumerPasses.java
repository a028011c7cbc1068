package org.openparking.gateway.bench;

import java.util.Map;

/** The api consumer's passes so far, from its {@code sensing.consumer.*} metrics: how many, how long, how big. */
record ConsumerPasses(double passes, double seconds, double observations) {

	static ConsumerPasses read(ActuatorMetrics api) throws Exception {
		Map<String, Double> pass = api.read("sensing.consumer.pass");
		return new ConsumerPasses(pass.getOrDefault("COUNT", 0.0), pass.getOrDefault("TOTAL_TIME", 0.0),
				api.read("sensing.consumer.batch").getOrDefault("TOTAL", 0.0));
	}

	/**
	 * The passes since {@code before}, over {@code wallSeconds} of the run, e.g. {@code "212 passes, on average 48.1 ms
	 * and 471 observations each (102 us an observation: at most ~9,800 a second back to back); busy 86 % of 12.0 s"}.
	 * The cost per observation compares machines: a consumer that needs more than the offered rate allows runs behind.
	 */
	String since(ConsumerPasses before, double wallSeconds) {
		double count = passes - before.passes;
		if (count == 0) {
			return "no passes";
		}
		double busy = seconds - before.seconds;
		double applied = observations - before.observations;
		String perObservation = applied == 0 ? ""
				: " (%.0f us an observation: at most ~%,.0f a second back to back)".formatted(1e6 * busy / applied,
						applied / busy);
		return "%,.0f passes, on average %.1f ms and %.0f observations each%s; busy %.0f %% of %.1f s".formatted(count,
				1000 * busy / count, applied / count, perObservation, 100 * busy / wallSeconds, wallSeconds);
	}
}
