package org.openparking.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a service's metrics from its Actuator ({@code /actuator/metrics/<name>}), for what a run made of them. */
final class ActuatorMetrics implements AutoCloseable {

	private static final Pattern MEASUREMENT = Pattern
		.compile("\"statistic\":\"([A-Z_]+)\",\"value\":([-0-9.E]+)");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String token;

	/** @param token a bearer token, or null where the metrics are open */
	ActuatorMetrics(String base, String token) {
		this.base = base;
		this.token = token;
	}

	/** The metric's statistics (COUNT, TOTAL, TOTAL_TIME in seconds, MAX...); empty when it has none yet. */
	Map<String, Double> read(String metric) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/" + metric));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		String body = http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
		Map<String, Double> statistics = new HashMap<>();
		Matcher measurement = MEASUREMENT.matcher(body);
		while (measurement.find()) {
			statistics.put(measurement.group(1), Double.parseDouble(measurement.group(2)));
		}
		return statistics;
	}

	@Override
	public void close() {
		http.close();
	}
}
