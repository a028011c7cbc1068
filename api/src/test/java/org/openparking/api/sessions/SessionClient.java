package org.openparking.api.sessions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.openparking.api.support.GraphQlHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** The sessions operations over real HTTP, returning the payload or query field. */
final class SessionClient {

	private static final String SESSION_FIELDS = """
			id status vehiclePlate startedAt latestAllowedEnd endedAt
			charge { amountMinor currency }
			lot { id name }
			spot { id code }
			payments { status amount { amountMinor currency } failureReason }""";

	static final String START = """
			mutation Start($input: StartSessionInput!) {
			  startSession(input: $input) { session { %s } userErrors { code message field } }
			}""".formatted(SESSION_FIELDS);

	static final String END = """
			mutation End($input: EndSessionInput!) {
			  endSession(input: $input) { session { %s } userErrors { code message field } }
			}""".formatted(SESSION_FIELDS);

	static final String CURRENT = "query { currentSession { %s } }".formatted(SESSION_FIELDS);

	private final GraphQlHttp http;

	SessionClient(GraphQlHttp http) {
		this.http = http;
	}

	/** Starts on the lot's best STANDARD spot. */
	JsonNode start(String token, Object lotId, String plate) {
		return start(token, input("lotId", lotId, "vehiclePlate", plate));
	}

	JsonNode startOn(String token, Object lotId, Object spotId, String plate) {
		return start(token, input("lotId", lotId, "spotId", spotId, "vehiclePlate", plate));
	}

	JsonNode start(String token, Map<String, Object> input) {
		return data(http.execute(token, START, Map.of("input", input)), "startSession");
	}

	JsonNode end(String token, String paymentMethodToken) {
		Map<String, Object> input = new HashMap<>();
		input.put("paymentMethodToken", paymentMethodToken);
		return data(http.execute(token, END, Map.of("input", input)), "endSession");
	}

	JsonNode current(String token) {
		return data(http.execute(token, CURRENT), "currentSession");
	}

	/** Input maps from key/value pairs; values are sent as their text (ids, plates). */
	static Map<String, Object> input(Object... keysAndValues) {
		Map<String, Object> input = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			input.put((String) keysAndValues[i], String.valueOf(keysAndValues[i + 1]));
		}
		return input;
	}

	static JsonNode data(JsonNode response, String field) {
		assertThat(response.path("errors").isMissingNode()).as("GraphQL errors: %s", response.path("errors")).isTrue();
		return response.path("data").path(field);
	}

	/** The single user error of a payload, as code and field path. */
	static UserErrorSeen onlyError(JsonNode payload) {
		assertThat(payload.path("userErrors").size()).as("userErrors of %s", payload).isEqualTo(1);
		JsonNode error = payload.path("userErrors").get(0);
		List<String> field = error.path("field").valueStream().map(JsonNode::asString).toList();
		return new UserErrorSeen(error.path("code").asString(), field);
	}

	record UserErrorSeen(String code, List<String> field) {
	}
}
