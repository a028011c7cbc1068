package org.openparking.api.live.internal;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.openparking.api.live.LiveTestSupport;
import org.openparking.api.support.ApiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
class LivePublisherTest {

	@Autowired
	LivePublisher publisher;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void pipelinedBatchesReuseAPooledConnectionInsteadOfConnectingForEach() {
		String channel = LiveTestSupport.lotChannel(UUID.randomUUID());
		List<Publication> batch = List.of(
				new Publication(channel, new LotMetadataChanged(UUID.randomUUID(), Instant.now())),
				new Publication(channel, new LotMetadataChanged(UUID.randomUUID(), Instant.now())));
		publisher.publishAll(batch); // the pool's first connection
		long before = connectionsReceived();

		for (int i = 0; i < 20; i++) {
			publisher.publishAll(batch);
		}

		// Without a pool every pipeline connected anew (20 here); a little slack for whatever else this Redis serves.
		assertThat(connectionsReceived() - before).isLessThan(5);
	}

	private long connectionsReceived() {
		Properties stats = redis.execute((RedisCallback<Properties>) (RedisConnection connection) -> connection
			.serverCommands()
			.info("stats"));
		return Long.parseLong(stats.getProperty("total_connections_received"));
	}
}
