package org.openparking.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GraphQL over HTTP against the running api; thread-safe, so several callers may race. */
public final class GraphQlClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI endpoint;

	GraphQlClient(URI endpoint) {
		this.endpoint = endpoint;
	}

	/** The whole response document ({@code data} and {@code errors}); {@code token} may be null. */
	public JsonNode execute(String token, String document, Map<String, ?> variables) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new AssertionError("HTTP " + response.statusCode() + " from " + endpoint + ": " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new AssertionError("GraphQL request to " + endpoint + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code data.<field>} of a response that must have no GraphQL errors, nor user errors when it is a payload. */
	public JsonNode data(String token, String document, Map<String, ?> variables, String field) {
		JsonNode response = execute(token, document, variables);
		if (response.has("errors")) {
			throw new AssertionError("GraphQL errors: " + response.get("errors"));
		}
		JsonNode result = response.path("data").path(field);
		if (result.path("userErrors").size() > 0) {
			throw new AssertionError(field + " refused: " + result.get("userErrors"));
		}
		return result;
	}
}
