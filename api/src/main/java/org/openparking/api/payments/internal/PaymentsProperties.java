package org.openparking.api.payments.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param provider which {@code PaymentProvider} to use; {@code simulator} is the one shipped
 * @param providerTimeout a provider call that has not answered by then fails the payment (or refund)
 * @param simulator how the simulated provider answers
 */
@ConfigurationProperties("parking.payments")
public record PaymentsProperties(@DefaultValue("simulator") String provider,
		@DefaultValue("10s") Duration providerTimeout, @DefaultValue Simulator simulator) {

	/**
	 * A pending attempt silent for longer than this died (crash, restart): another caller may finish it with the same
	 * idempotency key. Any live attempt has answered or timed out well before.
	 */
	public Duration abandonedAfter() {
		return providerTimeout.plusSeconds(5);
	}

	/**
	 * @param outcome the answer to charges whose token is no test card
	 * @param refundOutcome the answer to every refund
	 * @param slowDelay how long a SLOW answer takes (it then approves)
	 * @param tokens more test cards, token to behaviour; write keys in brackets to keep underscores:
	 * {@code parking.payments.simulator.tokens[tok_fleet]=DECLINE}
	 */
	public record Simulator(@DefaultValue("APPROVE") Behaviour outcome, @DefaultValue("APPROVE") Behaviour refundOutcome,
			@DefaultValue("3s") Duration slowDelay, Map<String, Behaviour> tokens) {

		public Simulator {
			tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
		}
	}

	public enum Behaviour {
		APPROVE, DECLINE,
		/** approves after {@code slowDelay} */
		SLOW,
		/** never answers, so the caller's timeout fails the payment */
		TIMEOUT
	}
}
