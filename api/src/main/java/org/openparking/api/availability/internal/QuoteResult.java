package org.openparking.api.availability.internal;

import java.util.List;

import org.openparking.api.shared.graphql.UserError;

public record QuoteResult(Quote quote, List<UserError> userErrors) {

	static QuoteResult of(Quote quote) {
		return new QuoteResult(quote, List.of());
	}

	static QuoteResult failed(UserError error) {
		return new QuoteResult(null, List.of(error));
	}
}
