package org.openparking.api.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import tools.jackson.databind.JsonNode;

import org.openparking.api.ParkingApiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Helpers shared by the live tests. */
final class LiveTestSupport {

	static final Duration WAIT = Duration.ofSeconds(10);

	private LiveTestSupport() {
	}

	static String lotChannel(UUID lot) {
		return "park:live:lot:" + lot;
	}

	static String bookingChannel(UUID booking) {
		return "park:live:booking:" + booking;
	}

	static String userChannel(String user) {
		return "park:live:user:" + user;
	}

	/** Waits until this many Redis connections (nodes) subscribe to the channel, so no event is published too early. */
	static void awaitRedisSubscribers(StringRedisTemplate redis, String channel, long expected) {
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
	static long numsub(StringRedisTemplate redis, String channel) {
		byte[] name = channel.getBytes(StandardCharsets.UTF_8);
		Map<byte[], Long> reply = redis.execute((RedisCallback<Map<byte[], Long>>) connection -> {
			var commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
			return commands.pubsubNumsub(name).toCompletableFuture().join();
		});
		return reply.values().stream().mapToLong(Long::longValue).sum();
	}

	/** A second API node in this JVM: same PostgreSQL schema and Redis database as the first, its own port. */
	static ConfigurableApplicationContext secondNode(ApplicationContext first, Class<?>... extraSources) {
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

	static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** The payload of a {@code next} message for this field; fails on anything else. */
	static JsonNode data(JsonNode message, String field) {
		if (!"next".equals(message.path("type").asString()) || message.path("payload").has("errors")) {
			throw new AssertionError("Expected data, got " + message);
		}
		return message.path("payload").path("data").path(field);
	}

	/** The classification of the first error, whether it came as an {@code error} or as a {@code next} message. */
	static String errorClassification(JsonNode message) {
		JsonNode errors = "error".equals(message.path("type").asString()) ? message.path("payload")
				: message.path("payload").path("errors");
		if (!errors.isArray() || errors.isEmpty()) {
			throw new AssertionError("Expected an error, got " + message);
		}
		return errors.get(0).path("extensions").path("classification").asString();
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
