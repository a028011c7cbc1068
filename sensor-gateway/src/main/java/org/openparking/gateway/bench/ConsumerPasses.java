package org.openparking.gateway.bench;

import java.util.Map;

/** The api consumer's passes so far, from its {@code sensing.consumer.*} metrics: how many, how long, how big. */
record ConsumerPasses(double passes, double seconds, double observations) {

	static ConsumerPasses read(ActuatorMetrics api) throws Exception {
		Map<String, Double> pass = api.read("sensing.consumer.pass");
		return new ConsumerPasses(pass.getOrDefault("COUNT", 0.0), pass.getOrDefault("TOTAL_TIME", 0.0),
				api.read("sensing.consumer.batch").getOrDefault("TOTAL", 0.0));
	}

	/** The passes since {@code before}, e.g. {@code "212 passes, on average 48.1 ms and 471 observations each"}. */
	String since(ConsumerPasses before) {
		double count = passes - before.passes;
		if (count == 0) {
			return "no passes";
		}
		return "%,.0f passes, on average %.1f ms and %.0f observations each".formatted(count,
				1000 * (seconds - before.seconds) / count, (observations - before.observations) / count);
	}
}
