package org.openparking.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One graphql-transport-ws client of the api, subscribed to {@code spotObservationChanged} of a lot: counts the
 * events and measures each from the reading's publish time (the publisher's {@code ts}, which the api reports as
 * {@code observedAt}) to its arrival here, so the latency covers broker, gateway, PostgreSQL, the api's consumer,
 * Redis pub/sub and the WebSocket.
 */
final class ApiSubscriber implements WebSocket.Listener, AutoCloseable {

	private static final String OBSERVED_AT = "\"observedAt\":\"";

	private static final String SPOT_ID = "\"spotId\":\"";

	private final HttpClient http = HttpClient.newHttpClient();

	private final WebSocket socket;

	private final CountDownLatch acknowledged = new CountDownLatch(1);

	private final StringBuilder partial = new StringBuilder();

	private final AtomicLong errors = new AtomicLong();

	private volatile Arrivals arrivals = new Arrivals();

	private final AtomicLong subscriptions = new AtomicLong();

	private final String subscription;

	/** Every event, for {@link StageBreakdown}; null when only counted. */
	private final List<StageBreakdown.Event> events;

	ApiSubscriber(String apiUrl, String token, String lotId, boolean keepEach) throws InterruptedException {
		this.events = keepEach ? Collections.synchronizedList(new ArrayList<>()) : null;
		socket = http.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create(apiUrl.replaceFirst("^http", "ws") + "/graphql"), this)
			.join();
		send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}");
		if (!acknowledged.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The api did not acknowledge the WebSocket connection");
		}
		subscription = "\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { spotObservationChanged(lotId: \\\""
				+ lotId + "\\\") { spotId state observedAt } }\"}}";
		subscribe().join();
		// graphql-transport-ws does not confirm a subscription; the api registers it with Redis within milliseconds.
		Thread.sleep(2000);
	}

	private void send(String text) {
		socket.sendText(text, true).join();
	}

	private CompletableFuture<WebSocket> subscribe() {
		return socket.sendText("{\"id\":\"" + subscriptions.incrementAndGet() + "\"," + subscription, true);
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (last) {
			String message = partial.toString();
			partial.setLength(0);
			if (message.contains("\"type\":\"next\"")) {
				onEvent(message);
			}
			else if (message.contains("\"type\":\"connection_ack\"")) {
				acknowledged.countDown();
			}
			else if (message.contains("\"type\":\"error\"") || message.contains("\"errors\"")) {
				if (errors.incrementAndGet() <= 5) {
					System.err.println("api subscription: " + message);
				}
				if (message.contains("TOO_SLOW")) {
					// As the api asks of a client it cut off; the events in between count as missing.
					subscribe();
				}
			}
		}
		webSocket.request(1);
		return CompletableFuture.completedFuture(null);
	}

	private void onEvent(String message) {
		String observedText = textField(message, OBSERVED_AT);
		if (observedText == null) {
			errors.incrementAndGet();
			return;
		}
		long observedAt = OffsetDateTime.parse(observedText).toInstant().toEpochMilli();
		long now = Instant.now().toEpochMilli();
		String spotId = events == null ? null : textField(message, SPOT_ID);
		if (spotId != null) {
			events.add(new StageBreakdown.Event(spotId, observedAt, now));
		}
		arrivals.arrived(now - observedAt);
	}

	/** The value of the first text field that {@code opening} (its quoted name, colon and quote) starts; or null. */
	private static String textField(String message, String opening) {
		int start = message.indexOf(opening);
		if (start < 0) {
			return null;
		}
		start += opening.length();
		return message.substring(start, message.indexOf('"', start));
	}

	/**
	 * Counts and times from now on, forgetting what came before: a subscriber opened long before its lot's readings
	 * (see GatewayBenchmark's warm-up) counts its seconds from their start.
	 */
	void measureFromNow() {
		if (events != null) {
			events.clear();
		}
		arrivals = new Arrivals();
	}

	/** Every event so far. */
	List<StageBreakdown.Event> events() {
		if (events == null) {
			return List.of();
		}
		synchronized (events) {
			return List.copyOf(events);
		}
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		if (statusCode != WebSocket.NORMAL_CLOSURE) {
			System.err.println("api subscription closed: " + statusCode + " " + reason);
		}
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		System.err.println("api subscription failed: " + error);
	}

	long errors() {
		return errors.get();
	}

	Arrivals arrivals() {
		return arrivals;
	}

	@Override
	public void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(ex -> null).join();
		http.close();
	}
}
