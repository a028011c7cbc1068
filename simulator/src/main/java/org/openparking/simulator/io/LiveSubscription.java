package org.openparking.simulator.io;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One GraphQL subscription over graphql-transport-ws (the token in connection_init). Each {@code next} payload's data
 * goes to the listener; an {@code error} or a closed socket goes to the error listener.
 */
public final class LiveSubscription implements WebSocket.Listener, AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Consumer<JsonNode> onData;
	private final Consumer<String> onError;
	private final StringBuilder partial = new StringBuilder();
	private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();
	private final String document;
	private final Map<String, Object> variables;
	private WebSocket socket;

	private LiveSubscription(String document, Map<String, Object> variables, Consumer<JsonNode> onData,
			Consumer<String> onError) {
		this.document = document;
		this.variables = variables;
		this.onData = onData;
		this.onError = onError;
	}

	/** Connects, authenticates and subscribes; returns once the server acknowledged the connection. */
	public static LiveSubscription open(URI wsEndpoint, String token, String document, Map<String, Object> variables,
			Consumer<JsonNode> onData, Consumer<String> onError) {
		LiveSubscription subscription = new LiveSubscription(document, variables, onData, onError);
		try {
			subscription.socket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.subprotocols("graphql-transport-ws")
				.connectTimeout(Duration.ofSeconds(10))
				.buildAsync(wsEndpoint, subscription)
				.get(10, TimeUnit.SECONDS);
			subscription.send(Map.of("type", "connection_init", "payload",
					Map.of("Authorization", "Bearer " + token)));
			subscription.acknowledged.get(10, TimeUnit.SECONDS);
			subscription.send(Map.of("id", "1", "type", "subscribe", "payload",
					Map.of("query", document, "variables", variables)));
			return subscription;
		}
		catch (Exception e) {
			throw new ApiException("WS", "could not subscribe at " + wsEndpoint + ": " + e, e);
		}
	}

	private synchronized void send(Map<String, Object> message) {
		socket.sendText(JSON.writeValueAsString(message), true).join();
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (last) {
			String text = partial.toString();
			partial.setLength(0);
			handle(JSON.readTree(text));
		}
		webSocket.request(1);
		return null;
	}

	private void handle(JsonNode message) {
		switch (message.path("type").asString("")) {
			case "connection_ack" -> acknowledged.complete(null);
			case "ping" -> send(Map.of("type", "pong"));
			case "next" -> {
				JsonNode errors = message.path("payload").path("errors");
				if (errors.isArray() && !errors.isEmpty()) {
					onError.accept(errors.get(0).path("message").asString(""));
				}
				else {
					onData.accept(message.path("payload").path("data"));
				}
			}
			case "error" -> onError.accept(message.path("payload").toString());
			default -> {
			}
		}
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		acknowledged.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
		onError.accept("closed " + statusCode + " " + reason);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		acknowledged.completeExceptionally(error);
		onError.accept(String.valueOf(error));
	}

	@Override
	public void close() {
		if (socket != null && !socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
	}

	public String document() {
		return document + " " + variables;
	}
}
