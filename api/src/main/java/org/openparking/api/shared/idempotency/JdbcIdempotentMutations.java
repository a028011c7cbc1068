package org.openparking.api.shared.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import static java.time.ZoneOffset.UTC;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.openparking.api.shared.UserId;
import org.openparking.api.shared.graphql.UserError;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps idempotency records in PostgreSQL, so a key is honoured by every API node and survives restarts.
 * The first caller claims the key with an insert; a concurrent duplicate waits briefly for the stored result.
 */
@Service
class JdbcIdempotentMutations implements IdempotentMutations {

	private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final IdempotencyProperties properties;

	JdbcIdempotentMutations(JdbcClient jdbc, JsonMapper json, Clock clock, IdempotencyProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public <P> P execute(UserId user, String key, String operation, Object input, Class<P> payloadType,
			Function<List<UserError>, P> failed, Supplier<P> action) {
		if (key == null) {
			return action.get();
		}
		if (key.isBlank() || key.length() > 200) {
			return failed.apply(List.of(UserError.of(UserErrorCode.INVALID_INPUT,
					"idempotencyKey must be 1 to 200 characters", "input", "idempotencyKey")));
		}
		String requestHash = hash(operation, input);
		if (claim(user, key, operation, requestHash)) {
			return runAndRemember(user, key, action);
		}
		return replay(user, key, requestHash, payloadType, failed);
	}

	private boolean claim(UserId user, String key, String operation, String requestHash) {
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				insert into idempotency_record (user_id, idempotency_key, operation, request_hash, created_at)
				values (?, ?, ?, ?, ?) on conflict do nothing""")
			.params(user.value(), key, operation, requestHash, now.atOffset(UTC))
			.update();
		if (inserted == 1) {
			return true;
		}
		// A first attempt that died before storing its result must not block the key forever.
		return jdbc.sql("""
				update idempotency_record set created_at = ? where user_id = ? and idempotency_key = ?
				and response is null and request_hash = ? and created_at < ?""")
			.params(now.atOffset(UTC), user.value(), key, requestHash,
					now.minus(properties.abandonedAfter()).atOffset(UTC))
			.update() == 1;
	}

	private <P> P runAndRemember(UserId user, String key, Supplier<P> action) {
		P payload;
		try {
			payload = action.get();
		}
		catch (RuntimeException ex) {
			jdbc.sql("delete from idempotency_record where user_id = ? and idempotency_key = ? and response is null")
				.params(user.value(), key)
				.update();
			throw ex;
		}
		jdbc.sql("update idempotency_record set response = ?, completed_at = ? where user_id = ? and idempotency_key = ?")
			.params(json.writeValueAsString(payload), clock.instant().atOffset(UTC), user.value(), key)
			.update();
		return payload;
	}

	private <P> P replay(UserId user, String key, String requestHash, Class<P> payloadType,
			Function<List<UserError>, P> failed) {
		long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
		while (true) {
			Optional<StoredRecord> stored = jdbc
				.sql("select request_hash, response from idempotency_record where user_id = ? and idempotency_key = ?")
				.params(user.value(), key)
				.query((rs, n) -> new StoredRecord(rs.getString(1), rs.getString(2)))
				.optional();
			if (stored.isPresent() && !stored.get().requestHash().equals(requestHash)) {
				return failed.apply(List.of(UserError.of(UserErrorCode.IDEMPOTENCY_KEY_REUSED,
						"This idempotency key was already used for a different request", "input", "idempotencyKey")));
			}
			if (stored.isPresent() && stored.get().response() != null) {
				return json.readValue(stored.get().response(), payloadType);
			}
			if (System.nanoTime() > deadline) {
				return failed.apply(List.of(UserError.of(UserErrorCode.TRY_AGAIN,
						"The first request with this idempotency key is still running; retry later", "input",
						"idempotencyKey")));
			}
			sleepBriefly();
		}
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(25);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for an idempotent request", ex);
		}
	}

	private String hash(String operation, Object input) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(operation.getBytes(StandardCharsets.UTF_8));
			sha.update(json.writeValueAsBytes(input));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record StoredRecord(String requestHash, String response) {
	}
}
