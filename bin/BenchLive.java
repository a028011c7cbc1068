import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live fan-out across API nodes: java bin/BenchLive.java SUBSCRIBERS HOLDS NODE_URL...
 * <p>
 * Creates a lot on the first node, connects SUBSCRIBERS WebSocket clients to spotStatusChanged of that lot, spread
 * round-robin over the nodes, then places and releases HOLDS holds through the first node (two spot events each).
 * Prints how many events reached the subscribers and the latency from the event's occurredAt to its arrival at a
 * client, which includes the relay to Redis, pub/sub to every node, and the WebSocket send. JDK only, no build.
 */
public class BenchLive {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern OCCURRED_AT = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("usage: java bin/BenchLive.java SUBSCRIBERS HOLDS NODE_URL...");
			System.exit(2);
		}
		int subscribers = Integer.parseInt(args[0]);
		int holds = Integer.parseInt(args[1]);
		List<String> nodes = List.of(args).subList(2, args.length);
		String operator = "bench-op-" + UUID.randomUUID();
		String operatorToken = MintToken.mint(operator, "OPERATOR");
		String driverToken = MintToken.mint("bench-driver-" + UUID.randomUUID(), "DRIVER");

		String lotId = createLot(nodes.getFirst(), operatorToken);
		String spotId = field(graphQl(nodes.getFirst(), operatorToken, """
				mutation { addSpots(input: {lotId: "%s", levelCode: "L0", spots: [{code: "B001", spotClass: STANDARD}]})
				{ spots { id } userErrors { code message } } }""".formatted(lotId)), "id");
		graphQl(nodes.getFirst(), operatorToken, """
				mutation { setTariff(input: {lotId: "%s", spotClass: STANDARD, currency: "EUR", hourlyRateMinor: 200})
				{ userErrors { code message } } }""".formatted(lotId));

		long expected = (long) subscribers * holds * 2;
		CountDownLatch everything = new CountDownLatch(1);
		AtomicLong received = new AtomicLong();
		ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
		List<WebSocket> sockets = new ArrayList<>();
		CountDownLatch warmedUp = new CountDownLatch(subscribers);
		for (int i = 0; i < subscribers; i++) {
			String node = nodes.get(i % nodes.size());
			Client client = new Client(warmedUp, event -> {
				Matcher m = OCCURRED_AT.matcher(event);
				if (m.find()) {
					latenciesMicros.add(ChronoUnit.MICROS.between(Instant.parse(m.group(1)), Instant.now()));
				}
				if (received.incrementAndGet() == expected) {
					everything.countDown();
				}
			});
			sockets.add(client.connect(node, driverToken, lotId));
		}
		// Subscriptions start asynchronously: one hold round trip that every client sees proves they are all live.
		Instant warmUpDeadline = Instant.now().plusSeconds(60);
		while (!warmedUp.await(500, TimeUnit.MILLISECONDS)) {
			holdAndRelease(nodes.getFirst(), driverToken, spotId);
			if (Instant.now().isAfter(warmUpDeadline)) {
				throw new IllegalStateException(warmedUp.getCount() + " subscribers never received an event");
			}
		}
		Thread.sleep(1000); // let the warm-up events drain before counting
		received.set(0);
		latenciesMicros.clear();

		Instant start = Instant.now();
		for (int i = 0; i < holds; i++) {
			holdAndRelease(nodes.getFirst(), driverToken, spotId);
		}
		Duration producing = Duration.between(start, Instant.now());
		boolean complete = everything.await(60, TimeUnit.SECONDS);
		Duration total = Duration.between(start, Instant.now());
		sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));

		List<Long> sorted = new ArrayList<>(latenciesMicros);
		Collections.sort(sorted);
		System.out.printf("nodes=%d subscribers=%d holds=%d spot events=%d%n", nodes.size(), subscribers, holds,
				holds * 2);
		System.out.printf("deliveries: %d of %d%s in %d ms (events produced in %d ms): %.0f deliveries/s%n",
				received.get(), expected, complete ? "" : " (INCOMPLETE after 60 s)", total.toMillis(),
				producing.toMillis(), received.get() * 1000.0 / Math.max(1, total.toMillis()));
		System.out.printf("latency occurredAt -> client (ms): p50=%.1f p95=%.1f p99=%.1f max=%.1f%n",
				percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100));
		System.exit(complete ? 0 : 1);
	}

	private static String createLot(String node, String operatorToken) throws Exception {
		return field(graphQl(node, operatorToken, """
				mutation { createLot(input: {name: "Bench %s", address: {city: "Berlin", countryCode: "DE"},
				location: {latitude: 52.5, longitude: 13.4}, timeZone: "Europe/Berlin",
				levels: [{code: "L0", name: "Ground", ordinal: 0}]}) { lot { id } userErrors { code message } } }"""
			.formatted(UUID.randomUUID())), "id");
	}

	private static void holdAndRelease(String node, String token, String spotId) throws Exception {
		Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
		String holdId = field(graphQl(node, token, """
				mutation { holdSpot(input: {spotId: "%s", from: "%s", to: "%s"}) { hold { id } userErrors { code message } } }"""
			.formatted(spotId, from, from.plus(Duration.ofHours(1)))), "id");
		graphQl(node, token, """
				mutation { releaseHold(input: {holdId: "%s"}) { releasedHoldId userErrors { code message } } }"""
			.formatted(holdId));
	}

	private static String graphQl(String node, String token, String document) throws Exception {
		String body = "{\"query\":" + quote(document) + "}";
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || response.body().contains("\"errors\"")
				|| response.body().contains("\"code\":\"")) {
			throw new IllegalStateException("GraphQL failed: " + response.body());
		}
		return response.body();
	}

	private static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("No " + name + " in " + json);
		}
		return m.group(1);
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
	}

	private static double percentile(List<Long> sortedMicros, int p) {
		if (sortedMicros.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1;
		return sortedMicros.get(Math.max(0, index)) / 1000.0;
	}

	/** One graphql-transport-ws client subscribed to spotStatusChanged of the lot. */
	private static final class Client implements WebSocket.Listener {

		private final CountDownLatch warmedUp;

		private final java.util.function.Consumer<String> onEvent;

		private final StringBuilder partial = new StringBuilder();

		private boolean warm;

		Client(CountDownLatch warmedUp, java.util.function.Consumer<String> onEvent) {
			this.warmedUp = warmedUp;
			this.onEvent = onEvent;
		}

		WebSocket connect(String node, String token, String lotId) {
			WebSocket socket = HTTP.newWebSocketBuilder()
				.subprotocols("graphql-transport-ws")
				.buildAsync(URI.create(node.replaceFirst("^http", "ws") + "/graphql"), this)
				.join();
			send(socket, "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}");
			send(socket, "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
					+ quote("subscription { spotStatusChanged(lotId: \"" + lotId + "\") { spotId cause occurredAt } }")
					+ "}}");
			return socket;
		}

		private static void send(WebSocket socket, String text) {
			socket.sendText(text, true).join();
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
					if (!warm) {
						warm = true;
						warmedUp.countDown();
					}
					onEvent.accept(message);
				}
				else if (message.contains("\"type\":\"error\"")) {
					System.err.println("Subscription error: " + message);
				}
			}
			webSocket.request(1);
			return CompletableFuture.completedFuture(null);
		}
	}
}
