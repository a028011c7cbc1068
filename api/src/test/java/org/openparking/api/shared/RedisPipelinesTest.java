package org.openparking.api.shared;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.openparking.api.support.ApiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pipelines (the live relay's batches, the hold-expiry sweep) run on a dedicated connection. Without a pool Lettuce
 * opened one and closed it again for every pipeline.
 */
@ApiIntegrationTest
class RedisPipelinesTest {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void consecutivePipelinesReuseAPooledConnection() {
		Set<String> connections = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			// CLIENT INFO starts with the server-side connection's id, whatever else this Redis serves meanwhile.
			for (Object info : redis.executePipelined((RedisCallback<Object>) (RedisConnection connection) -> {
				connection.execute("CLIENT", "INFO".getBytes(StandardCharsets.UTF_8));
				return null;
			})) {
				connections.add(info.toString().split(" ", 2)[0]);
			}
		}

		// One, unless the node's own pipelines (hold-expiry sweep, relay lanes) held it at that moment; 20 without a pool.
		assertThat(connections).isNotEmpty().hasSizeLessThanOrEqualTo(3);
	}
}
