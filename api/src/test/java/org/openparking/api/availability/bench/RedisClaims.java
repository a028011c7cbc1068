package org.openparking.api.availability.bench;

import java.util.List;
import java.util.UUID;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Forgets the bench lots' claims in Redis, as a Redis restart would, so the API rebuilds them from PostgreSQL on first
 * use and searches then run against Redis holding every live booking of the lot, as in production. Every key of a
 * lot carries its hash tag {@code {lot:<id>}}.
 */
final class RedisClaims {

	private RedisClaims() {
	}

	static long forget(int database, List<UUID> lots) {
		RedisClient client = RedisClient.create(RedisURI.Builder.redis("127.0.0.1", 6379).withDatabase(database).build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			long deleted = 0;
			for (UUID lot : lots) {
				ScanArgs match = ScanArgs.Builder.matches("*{lot:" + lot + "}*").limit(1000);
				KeyScanCursor<String> cursor = redis.scan(match);
				while (true) {
					if (!cursor.getKeys().isEmpty()) {
						deleted += redis.unlink(cursor.getKeys().toArray(String[]::new));
					}
					if (cursor.isFinished()) {
						break;
					}
					cursor = redis.scan(ScanCursor.of(cursor.getCursor()), match);
				}
			}
			return deleted;
		}
		finally {
			client.shutdown();
		}
	}
}
