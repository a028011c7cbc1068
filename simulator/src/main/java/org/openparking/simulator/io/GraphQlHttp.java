package org.openparking.simulator.io;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GraphQL over HTTP POST with a bearer token; an error answer becomes an {@link ApiException}. */
public final class GraphQlHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI endpoint;
	private final HttpClient http;
	private final Duration timeout;

	public GraphQlHttp(URI endpoint, Duration timeout) {
		this.endpoint = endpoint;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.build();
	}

	public URI endpoint() {
		return endpoint;
	}

	/** The {@code data} of the answer. */
	public JsonNode execute(String document, Map<String, ?> variables, String token) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<byte[]> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (HttpTimeoutException e) {
			throw new ApiException("TIMEOUT", endpoint + " did not answer within " + timeout, e);
		}
		catch (IOException e) {
			throw new ApiException("IO", endpoint + ": " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ApiException("INTERRUPTED", "interrupted", e);
		}
		JsonNode answer;
		try {
			answer = JSON.readTree(response.body());
		}
		catch (RuntimeException e) {
			throw new ApiException("HTTP_" + response.statusCode(), "not a GraphQL answer");
		}
		JsonNode errors = answer.path("errors");
		if (errors.isArray() && !errors.isEmpty()) {
			JsonNode first = errors.get(0);
			String classification = first.path("extensions").path("classification").asString("ERROR");
			throw new ApiException("GRAPHQL_" + classification, first.path("message").asString(""));
		}
		if (response.statusCode() != 200) {
			throw new ApiException("HTTP_" + response.statusCode(), endpoint.toString());
		}
		return answer.path("data");
	}
}
