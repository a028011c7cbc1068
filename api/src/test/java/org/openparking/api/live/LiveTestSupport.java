package org.openparking.api.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import tools.jackson.databind.JsonNode;

import org.openparking.api.ParkingApiApplication;
import org.openparking.api.holds.Hold;
import org.openparking.api.holds.HoldId;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.openparking.api.support.GraphQlHttp;
import org.openparking.api.support.LotFixtures.TestLot;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Helpers shared by the live tests. */
public final class LiveTestSupport {

	public static final Duration WAIT = Duration.ofSeconds(10);

	public static final String SPOT_STATUS = """
			subscription($lotId: ID!) {
			  spotStatusChanged(lotId: $lotId) { lotId spotId commercialState cause occurredAt }
			}""";

	private LiveTestSupport() {
	}

	public static String lotChannel(UUID lot) {
		return "park:live:lot:" + lot;
	}

	public static String bookingChannel(UUID booking) {
		return "park:live:booking:" + booking;
	}

	public static String userChannel(String user) {
		return "park:live:user:" + user;
	}

	/** Waits until this many Redis connections (nodes) subscribe to the channel, so no event is published too early. */
	public static void awaitRedisSubscribers(StringRedisTemplate redis, String channel, long expected) {
		Instant deadline = Instant.now().plus(WAIT);
		long current = -1;
		while (Instant.now().isBefore(deadline)) {
			current = numsub(redis, channel);
			if (current == expected) {
				return;
			}
			sleep(20);
		}
		throw new AssertionError("Channel " + channel + " has " + current + " Redis subscribers, expected " + expected);
	}

	@SuppressWarnings("unchecked")
	public static long numsub(StringRedisTemplate redis, String channel) {
		byte[] name = channel.getBytes(StandardCharsets.UTF_8);
		Map<byte[], Long> reply = redis.execute((RedisCallback<Map<byte[], Long>>) connection -> {
			var commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
			return commands.pubsubNumsub(name).toCompletableFuture().join();
		});
		return reply.values().stream().mapToLong(Long::longValue).sum();
	}

	/** A second API node in this JVM: same PostgreSQL schema and Redis database as the first, its own port. */
	public static ConfigurableApplicationContext secondNode(ApplicationContext first, Class<?>... extraSources) {
		Class<?>[] sources = new Class<?>[extraSources.length + 1];
		sources[0] = ParkingApiApplication.class;
		System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
		return new SpringApplicationBuilder(sources).profiles("test")
			.properties("spring.main.banner-mode=off")
			.initializers(context -> {
				context.getBeanFactory()
					.registerSingleton("firstNodeDatabase", first.getBean(JdbcConnectionDetails.class));
				context.getBeanFactory()
					.registerSingleton("firstNodeRedis", first.getBean(DataRedisConnectionDetails.class));
			})
			.run("--server.port=0"); // arguments, because application.yaml outranks builder properties
	}

	public static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** The payload of a {@code next} message for this field; fails on anything else. */
	public static JsonNode data(JsonNode message, String field) {
		if (!"next".equals(message.path("type").asString()) || message.path("payload").has("errors")) {
			throw new AssertionError("Expected data, got " + message);
		}
		return message.path("payload").path("data").path(field);
	}

	/** The classification of the first error, whether it came as an {@code error} or as a {@code next} message. */
	public static String errorClassification(JsonNode message) {
		JsonNode errors = "error".equals(message.path("type").asString()) ? message.path("payload")
				: message.path("payload").path("errors");
		if (!errors.isArray() || errors.isEmpty()) {
			throw new AssertionError("Expected an error, got " + message);
		}
		return errors.get(0).path("extensions").path("classification").asString();
	}

	/** Holds the spot from now for an hour through the API, as a driver would; returns the hold's id. */
	public static String holdNow(int port, String driverToken, UUID spot) {
		return holdFrom(port, driverToken, spot, Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

	/** Holds the spot for an hour from {@code from} through the API; returns the hold's id. */
	public static String holdFrom(int port, String driverToken, UUID spot, Instant from) {
		JsonNode response = new GraphQlHttp(port).execute(driverToken, """
				mutation($input: HoldSpotInput!) { holdSpot(input: $input) { hold { id } userErrors { code } } }""",
				Map.of("input", Map.of("spotId", spot.toString(), "from", from.toString(), "to",
						from.plus(Duration.ofHours(1)).toString())));
		JsonNode id = response.at("/data/holdSpot/hold/id");
		if (!id.isString()) {
			throw new AssertionError("Hold refused: " + response);
		}
		return id.asString();
	}

	/** A hold of the spot for the next hour, as the holds module would announce it (for events without a claim). */
	public static Hold hold(TestLot lot, SpotId spot) {
		Instant now = Instant.now();
		return new Hold(HoldId.newIn(new LotId(lot.id())), spot, new UserId("driver"),
				new TimeWindow(now, now.plus(Duration.ofHours(1))), now.plus(Duration.ofMinutes(5)));
	}

	public static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
