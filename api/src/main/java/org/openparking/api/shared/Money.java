package org.openparking.api.shared;

import java.util.Currency;

import org.springframework.util.Assert;

/** An amount in minor units (cents) of an ISO-4217 currency. */
public record Money(long amountMinor, String currency) {

	public Money {
		Assert.isTrue(amountMinor >= 0, "amount must not be negative");
		Currency.getInstance(currency);
	}

	public static Money zero(String currency) {
		return new Money(0, currency);
	}

	public Money plus(Money other) {
		Assert.isTrue(currency.equals(other.currency), "currencies differ");
		return new Money(amountMinor + other.amountMinor, currency);
	}
}
