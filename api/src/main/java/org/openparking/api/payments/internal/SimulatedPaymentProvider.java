package org.openparking.api.payments.internal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.openparking.api.payments.PaymentProvider;
import org.openparking.api.payments.internal.PaymentsProperties.Behaviour;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Stands in for a payment service provider. It answers as configured ({@code parking.payments.simulator.*}), and the
 * test cards below let a client pick the answer per request. Like a real provider it remembers answers by idempotency
 * key for a day, in Redis so every API node and a restarted node see the same memory: a repeated key never charges
 * twice.
 */
@Component
@ConditionalOnProperty(prefix = "parking.payments", name = "provider", havingValue = "simulator", matchIfMissing = true)
class SimulatedPaymentProvider implements PaymentProvider {

	static final Map<String, Behaviour> TEST_CARDS = Map.of("tok_approve", Behaviour.APPROVE, "tok_decline",
			Behaviour.DECLINE, "tok_slow", Behaviour.SLOW, "tok_timeout", Behaviour.TIMEOUT);

	private static final Duration MEMORY = Duration.ofHours(24);

	private static final Duration NEVER = Duration.ofHours(1);

	private final PaymentsProperties.Simulator settings;

	private final StringRedisTemplate redis;

	SimulatedPaymentProvider(PaymentsProperties properties, StringRedisTemplate redis) {
		this.settings = properties.simulator();
		this.redis = redis;
	}

	@Override
	public String name() {
		return "simulator";
	}

	@Override
	public Outcome charge(Charge charge) {
		if (charge.paymentMethodToken() == null || charge.paymentMethodToken().isBlank()) {
			return new Outcome.Declined("No payment method given");
		}
		Behaviour behaviour = settings.tokens()
			.getOrDefault(charge.paymentMethodToken(),
					TEST_CARDS.getOrDefault(charge.paymentMethodToken(), settings.outcome()));
		return answer("charge", charge.idempotencyKey(), behaviour);
	}

	@Override
	public Outcome refund(Refund refund) {
		return answer("refund", refund.idempotencyKey(), settings.refundOutcome());
	}

	private Outcome answer(String kind, String idempotencyKey, Behaviour behaviour) {
		String key = "payments-simulator:" + kind + ":" + idempotencyKey;
		String earlier = redis.opsForValue().get(key);
		if (earlier != null) {
			return decode(earlier);
		}
		Outcome outcome = switch (behaviour) {
			case APPROVE -> approved(kind);
			case DECLINE -> new Outcome.Declined("Declined by the simulated provider");
			case SLOW -> {
				sleep(settings.slowDelay());
				yield approved(kind);
			}
			case TIMEOUT -> {
				sleep(NEVER);
				yield new Outcome.Declined("The simulated provider timed out");
			}
		};
		// Concurrent calls with one key: the first answer recorded is everyone's answer.
		Boolean first = redis.opsForValue().setIfAbsent(key, encode(outcome), MEMORY);
		return Boolean.TRUE.equals(first) ? outcome : decode(redis.opsForValue().get(key));
	}

	private static Outcome approved(String kind) {
		return new Outcome.Approved("sim_" + kind + "_" + UUID.randomUUID());
	}

	private static String encode(Outcome outcome) {
		return switch (outcome) {
			case Outcome.Approved approved -> "A" + approved.reference();
			case Outcome.Declined declined -> "D" + declined.reason();
		};
	}

	private static Outcome decode(String stored) {
		String value = stored.substring(1);
		return stored.charAt(0) == 'A' ? new Outcome.Approved(value) : new Outcome.Declined(value);
	}

	/** Interrupted when the caller gives up: an interrupted call never charges. */
	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Simulated provider call interrupted", ex);
		}
	}
}
