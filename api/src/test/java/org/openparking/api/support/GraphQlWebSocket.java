package org.openparking.api.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A graphql-transport-ws client for tests over the JDK's WebSocket, with its flow control exposed: a test can stop
 * reading ({@link #stopReading()}) to play a stalled client. Messages are kept per operation id.
 */
public final class GraphQlWebSocket implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private final Map<String, BlockingQueue<JsonNode>> messages = new ConcurrentHashMap<>();

	private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();

	private final CompletableFuture<String> closed = new CompletableFuture<>();

	private final AtomicInteger ids = new AtomicInteger();

	private volatile boolean reading = true;

	private WebSocket socket;

	private GraphQlWebSocket() {
	}

	/** Connects with the token (may be null) in the {@code connection_init} payload; waits for the ack or a close. */
	public static GraphQlWebSocket connect(int port, String token) {
		return connect(port, token, null);
	}

	/** Connects with the token (may be null) in the handshake's Authorization header and an empty init payload. */
	public static GraphQlWebSocket connectWithHeader(int port, String token) {
		return connect(port, null, token);
	}

	private static GraphQlWebSocket connect(int port, String initToken, String headerToken) {
		GraphQlWebSocket client = new GraphQlWebSocket();
		WebSocket.Builder builder = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(CONNECT_TIMEOUT)
			.subprotocols("graphql-transport-ws");
		if (headerToken != null) {
			builder.header("Authorization", "Bearer " + headerToken);
		}
		client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), client.new Listener())
			.orTimeout(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
			.join();
		Map<String, Object> init = new HashMap<>();
		init.put("type", "connection_init");
		init.put("payload", initToken == null ? Map.of() : Map.of("Authorization", "Bearer " + initToken));
		client.send(init);
		CompletableFuture.anyOf(client.acknowledged, client.closed)
			.orTimeout(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
			.join();
		return client;
	}

	/** Starts a subscription and returns its operation id. */
	public String subscribe(String document, Map<String, ?> variables) {
		String id = Integer.toString(ids.incrementAndGet());
		messages.computeIfAbsent(id, k -> new LinkedBlockingQueue<>());
		send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document, "variables", variables)));
		return id;
	}

	/** Ends a subscription from the client side. */
	public void complete(String id) {
		send(Map.of("id", id, "type", "complete"));
	}

	/** The next message ({@code next}, {@code error} or {@code complete}) of an operation; fails after the timeout. */
	public JsonNode next(String id, Duration timeout) {
		JsonNode message = poll(id, timeout);
		if (message == null) {
			throw new AssertionError("No message for operation " + id + " within " + timeout
					+ (closed.isDone() ? "; connection closed: " + closed.join() : ""));
		}
		return message;
	}

	/** The next message of an operation, or null after the timeout. */
	public JsonNode poll(String id, Duration timeout) {
		try {
			return messages.computeIfAbsent(id, k -> new LinkedBlockingQueue<>())
				.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public boolean isAcknowledged() {
		return acknowledged.isDone();
	}

	/** Completes with "code reason" when the server closes the connection. */
	public CompletableFuture<String> closed() {
		return closed;
	}

	/** Stops taking frames off the socket, so the server's sends back up as with a stalled client. */
	public void stopReading() {
		reading = false;
	}

	@Override
	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
		socket.abort();
	}

	private void send(Object message) {
		synchronized (this) { // the JDK allows one outstanding send at a time
			socket.sendText(JSON.writeValueAsString(message), true).join();
		}
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				JsonNode message = JSON.readTree(partial.toString());
				partial.setLength(0);
				handle(message);
			}
			if (reading) {
				webSocket.request(1);
			}
			return null;
		}

		private void handle(JsonNode message) {
			String type = message.path("type").asString();
			switch (type) {
				case "connection_ack" -> acknowledged.complete(null);
				case "ping" -> CompletableFuture.runAsync(() -> send(Map.of("type", "pong")));
				case "pong" -> {
				}
				default -> messages.computeIfAbsent(message.path("id").asString(), k -> new LinkedBlockingQueue<>())
					.add(message);
			}
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed.complete(statusCode + " " + reason);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed.complete("error " + error);
		}
	}
}
