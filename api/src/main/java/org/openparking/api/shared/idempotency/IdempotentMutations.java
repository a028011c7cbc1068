package org.openparking.api.shared.idempotency;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.openparking.api.shared.UserId;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserError;

/**
 * Runs a mutation at most once per (user, idempotency key): a repeated key returns the stored payload and has no
 * second effect. Payloads must be plain records (no JPA entities), because they are stored as JSON.
 */
public interface IdempotentMutations {

	/**
	 * @param key the client's idempotency key, or {@code null} to simply run the action
	 * @param operation the mutation's name; a key reused for another operation or other input is refused
	 * @param input what identifies the request, compared on replay
	 * @param failed builds the payload that reports a user error (key reused, or the first call still running)
	 */
	<P> P execute(UserId user, String key, String operation, Object input, Class<P> payloadType,
			Function<List<UserError>, P> failed, Supplier<P> action);

	/**
	 * {@link #execute} for the common case: a {@link BusinessException} of the action becomes the payload's user
	 * error, stored under the key like a success, so a replay answers the same.
	 */
	default <P> P executeOrRefuse(UserId user, String key, String operation, Object input, Class<P> payloadType,
			Function<List<UserError>, P> failed, Supplier<P> action) {
		return execute(user, key, operation, input, payloadType, failed, () -> {
			try {
				return action.get();
			}
			catch (BusinessException refused) {
				return failed.apply(List.of(refused.error()));
			}
		});
	}
}
