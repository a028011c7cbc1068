package org.openparking.gateway.state;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Runs a script for many devices at once: every call is sent before any reply is awaited, on the one shared
 * Lettuce connection, so a batch costs about one round trip and the calls execute in the order given (one device's
 * readings stay in order). Replies are strings (or lists of strings); a call that hits a key of the wrong type
 * fails alone (its reply is a {@link Failure}); an unreachable Redis fails the whole run with a DataAccessException,
 * to be retried.
 * <p>
 * When Redis has lost the scripts (a restart, or SCRIPT FLUSH) every call fails with NOSCRIPT and the run is
 * repeated after loading the script. Loading waits until no batch is being sent: a load slipping in between the
 * calls of another batch would let that batch's later calls succeed after its earlier ones failed, so a device's
 * newer reading would be applied before an older one (which would then count as out of order).
 */
@Component
class ScriptRunner {

	/** One script invocation. */
	record Call(List<String> keys, List<String> args) {
	}

	/** The reply of a call Redis refused because of the data it found. */
	record Failure(String message) {
	}

	private final LettuceConnectionFactory connections;

	private final Duration timeout;

	private final ReadWriteLock sending = new ReentrantReadWriteLock();

	ScriptRunner(LettuceConnectionFactory connections, DataRedisProperties properties) {
		this.connections = connections;
		this.timeout = properties.getTimeout() != null ? properties.getTimeout() : Duration.ofSeconds(30);
	}

	List<Object> run(RedisScript<?> script, List<Call> calls) {
		if (calls.isEmpty()) {
			return List.of();
		}
		for (int attempt = 1;; attempt++) {
			try {
				return attempt(script, calls);
			}
			catch (RedisNoScriptException ex) {
				if (attempt == 3) {
					throw new RedisSystemException("Redis keeps losing the gateway's scripts", ex);
				}
				// Repeating calls is safe: the scripts recognise what they already did (see their headers).
				load(script);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private List<Object> attempt(RedisScript<?> script, List<Call> calls) {
		ScriptOutputType output = script.getResultType() == Long.class ? ScriptOutputType.INTEGER
				: ScriptOutputType.MULTI;
		try (RedisConnection connection = connections.getConnection()) {
			RedisClusterAsyncCommands<byte[], byte[]> commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection
				.getNativeConnection();
			List<RedisFuture<Object>> futures = new ArrayList<>(calls.size());
			sending.readLock().lock();
			try {
				for (Call call : calls) {
					futures.add(commands.evalsha(script.getSha1(), output, bytes(call.keys()), bytes(call.args())));
				}
			}
			finally {
				sending.readLock().unlock();
			}
			List<Object> replies = new ArrayList<>(calls.size());
			long deadline = System.nanoTime() + timeout.toNanos();
			for (RedisFuture<Object> future : futures) {
				replies.add(reply(future, deadline));
			}
			return replies;
		}
	}

	private static Object reply(RedisFuture<Object> future, long deadline) {
		try {
			return strings(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RedisNoScriptException noScript) {
				throw noScript;
			}
			if (cause instanceof RedisCommandExecutionException command && command.getMessage() != null
					&& command.getMessage().startsWith("WRONGTYPE")) {
				return new Failure(command.getMessage());
			}
			throw new RedisConnectionFailureException("A script call failed: " + cause.getMessage(), cause);
		}
		catch (TimeoutException ex) {
			throw new QueryTimeoutException("Redis did not answer in time", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RedisConnectionFailureException("interrupted", ex);
		}
	}

	@SuppressWarnings("unchecked")
	private void load(RedisScript<?> script) {
		sending.writeLock().lock();
		try (RedisConnection connection = connections.getConnection()) {
			((RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection())
				.scriptLoad(script.getScriptAsString().getBytes(StandardCharsets.UTF_8))
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new RedisConnectionFailureException("Cannot load a script", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RedisConnectionFailureException("interrupted", ex);
		}
		finally {
			sending.writeLock().unlock();
		}
	}

	private static Object strings(Object reply) {
		return switch (reply) {
			case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
			case List<?> list -> list.stream().map(ScriptRunner::strings).toList();
			case null -> "";
			default -> reply;
		};
	}

	private static byte[][] bytes(List<String> values) {
		byte[][] bytes = new byte[values.size()][];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
		}
		return bytes;
	}
}
