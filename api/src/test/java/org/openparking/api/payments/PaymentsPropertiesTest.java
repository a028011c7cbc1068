package org.openparking.api.payments;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openparking.api.payments.internal.PaymentsProperties;
import org.openparking.api.payments.internal.PaymentsProperties.Behaviour;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentsPropertiesTest {

	@Test
	void defaultsApproveAfterATenSecondTimeout() {
		PaymentsProperties properties = bind(Map.of());

		assertThat(properties.provider()).isEqualTo("simulator");
		assertThat(properties.providerTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.simulator().outcome()).isEqualTo(Behaviour.APPROVE);
		assertThat(properties.simulator().tokens()).isEmpty();
	}

	@Test
	void theSimulatorIsConfigurableIncludingExtraTestCards() {
		PaymentsProperties properties = bind(Map.of("parking.payments.simulator.outcome", "decline",
				"parking.payments.simulator.slow-delay", "250ms", "parking.payments.simulator.tokens[tok_fleet]",
				"TIMEOUT", "parking.payments.provider-timeout", "3s"));

		assertThat(properties.simulator().outcome()).isEqualTo(Behaviour.DECLINE);
		assertThat(properties.simulator().slowDelay()).isEqualTo(Duration.ofMillis(250));
		assertThat(properties.simulator().tokens()).containsEntry("tok_fleet", Behaviour.TIMEOUT);
		assertThat(properties.abandonedAfter()).isEqualTo(Duration.ofSeconds(8));
	}

	private static PaymentsProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values))
			.bindOrCreate("parking.payments", PaymentsProperties.class);
	}
}
