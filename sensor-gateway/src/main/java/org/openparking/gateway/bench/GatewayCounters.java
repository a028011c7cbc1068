package org.openparking.gateway.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the gateway's reading counters from its Actuator, to show what it made of the benchmark's traffic. */
final class GatewayCounters {

	private static final List<String> COUNTERS = List.of("received", "applied", "duplicates", "out_of_order",
			"debounced", "rejected");

	private GatewayCounters() {
	}

	static Map<String, Long> read(String actuatorBase) throws Exception {
		Map<String, Long> counters = new LinkedHashMap<>();
		try (ActuatorMetrics metrics = new ActuatorMetrics(actuatorBase, null)) {
			for (String counter : COUNTERS) {
				counters.put(counter, metrics.read("gateway.readings." + counter).getOrDefault("COUNT", -1.0).longValue());
			}
		}
		return counters;
	}
}
