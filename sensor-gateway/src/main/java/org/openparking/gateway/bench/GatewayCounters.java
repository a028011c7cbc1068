package org.openparking.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the gateway's reading counters from its Actuator, to show what it made of the benchmark's traffic. */
final class GatewayCounters {

	private static final List<String> COUNTERS = List.of("received", "applied", "duplicates", "out_of_order",
			"debounced", "rejected");

	private static final Pattern VALUE = Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.E]+)");

	private GatewayCounters() {
	}

	static Map<String, Long> read(String actuatorBase) throws Exception {
		Map<String, Long> counters = new LinkedHashMap<>();
		try (HttpClient http = HttpClient.newHttpClient()) {
			for (String counter : COUNTERS) {
				String body = http.send(HttpRequest.newBuilder(URI.create(actuatorBase + "/actuator/metrics/gateway.readings."
						+ counter)).build(), HttpResponse.BodyHandlers.ofString()).body();
				Matcher value = VALUE.matcher(body);
				counters.put(counter, value.find() ? (long) Double.parseDouble(value.group(1)) : -1);
			}
		}
		return counters;
	}
}
