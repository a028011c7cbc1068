package org.openparking.api.shared;

import org.springframework.util.Assert;

/** A driver, operator or administrator: the {@code sub} claim of their token. */
public record UserId(String value) {

	public UserId {
		Assert.hasText(value, "user id must not be blank");
	}

	@Override
	public String toString() {
		return value;
	}
}
