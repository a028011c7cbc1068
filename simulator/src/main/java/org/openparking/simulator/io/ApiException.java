package org.openparking.simulator.io;

/**
 * A failed API call, with a short kind for the error tally: a user error code (SPOT_TAKEN), a GraphQL error
 * classification (GRAPHQL_FORBIDDEN), HTTP_503, TIMEOUT or IO.
 */
public class ApiException extends RuntimeException {

	private final String kind;

	public ApiException(String kind, String message) {
		super(kind + ": " + message);
		this.kind = kind;
	}

	public ApiException(String kind, String message, Throwable cause) {
		super(kind + ": " + message, cause);
		this.kind = kind;
	}

	public String kind() {
		return kind;
	}
}
