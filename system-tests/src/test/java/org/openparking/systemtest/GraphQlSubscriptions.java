package org.openparking.systemtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One graphql-transport-ws connection to the running api (token in {@code connection_init}), carrying any number of
 * subscriptions. Each subscription's {@code next} payloads queue up until the test takes them.
 */
public final class GraphQlSubscriptions implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration CONNECT = Duration.ofSeconds(10);

	private final Map<String, BlockingQueue<JsonNode>> inbox = new ConcurrentHashMap<>();

	private final CompletableFuture<Void> ready = new CompletableFuture<>();

	private final AtomicLong ids = new AtomicLong();

	private volatile String closedBecause;

	private final WebSocket socket;

	GraphQlSubscriptions(URI endpoint, String token) {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.connectTimeout(CONNECT)
			.buildAsync(endpoint, new Frames())
			.orTimeout(CONNECT.toSeconds(), TimeUnit.SECONDS)
			.join();
		send(Map.of("type", "connection_init", "payload",
				token == null ? Map.of() : Map.of("Authorization", "Bearer " + token)));
		ready.orTimeout(CONNECT.toSeconds(), TimeUnit.SECONDS).join();
	}

	/** Starts a subscription; the returned id names it in {@link #await}. */
	public String subscribe(String document, Map<String, ?> variables) {
		String id = "s" + ids.incrementAndGet();
		inbox.put(id, new LinkedBlockingQueue<>());
		send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document, "variables", variables)));
		return id;
	}

	/**
	 * Takes this subscription's events until one matches, or fails after the timeout. An {@code error} or
	 * {@code complete} message fails at once.
	 * @return the matching event's {@code data}
	 */
	public JsonNode await(String id, Duration timeout, Predicate<JsonNode> matching) {
		long deadline = System.nanoTime() + timeout.toNanos();
		StringBuilder seen = new StringBuilder();
		while (true) {
			JsonNode message;
			try {
				message = inbox.get(id).poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (message == null) {
				throw new AssertionError("No matching event on " + id + " within " + timeout + "; seen: [" + seen + "]"
						+ (closedBecause == null ? "" : "; connection closed: " + closedBecause));
			}
			if (!"next".equals(message.path("type").asString())) {
				throw new AssertionError("Subscription " + id + " ended: " + message);
			}
			JsonNode payload = message.path("payload");
			if (payload.has("errors")) {
				throw new AssertionError("Subscription " + id + " failed: " + payload.get("errors"));
			}
			if (matching.test(payload.path("data"))) {
				return payload.path("data");
			}
			seen.append(payload.path("data")).append(' ');
		}
	}

	@Override
	public void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null)
			.join();
		socket.abort();
	}

	private synchronized void send(Object message) {
		socket.sendText(JSON.writeValueAsString(message), true).join();
	}

	private final class Frames implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			text.append(data);
			if (last) {
				JsonNode message = JSON.readTree(text.toString());
				text.setLength(0);
				switch (message.path("type").asString()) {
					case "connection_ack" -> ready.complete(null);
					case "ping" -> CompletableFuture.runAsync(() -> send(Map.of("type", "pong")));
					case "pong" -> {
					}
					default -> inbox.computeIfAbsent(message.path("id").asString(), k -> new LinkedBlockingQueue<>())
						.add(message);
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closedBecause = statusCode + " " + reason;
			ready.completeExceptionally(new AssertionError("Connection closed before ack: " + closedBecause));
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closedBecause = error.toString();
			ready.completeExceptionally(error);
		}
	}
}
