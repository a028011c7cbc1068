package org.openparking.api.shared.graphql;

/** A query argument that is out of bounds (page size, radius): a GraphQL error of type BAD_REQUEST. */
public class InvalidArgumentException extends RuntimeException {

	public InvalidArgumentException(String message) {
		super(message, null, false, false);
	}
}
