package org.openparking.simulator.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * End-to-end latency from publishing a reading that changes a spot's state to the {@code spotObservationChanged}
 * event that reports the new state: the gateway's debounce is part of it.
 */
public final class ObservationLatency {

	private final Metrics metrics;
	private final Map<String, Long> pending = new ConcurrentHashMap<>();

	public ObservationLatency(Metrics metrics) {
		this.metrics = metrics;
	}

	public void expect(String spotId, boolean occupied) {
		pending.put(key(spotId, occupied ? "OCCUPIED" : "FREE"), System.nanoTime());
	}

	/** The data of one {@code spotObservationChanged} event. */
	public void observed(JsonNode data) {
		JsonNode observation = data.path("spotObservationChanged");
		Long sent = pending.remove(key(observation.path("spotId").asString(""), observation.path("state").asString("")));
		metrics.count("e2e.events");
		if (sent != null) {
			metrics.record("e2e.reading_to_event", System.nanoTime() - sent);
		}
	}

	public int unanswered() {
		return pending.size();
	}

	private static String key(String spotId, String state) {
		return spotId + ":" + state;
	}
}
