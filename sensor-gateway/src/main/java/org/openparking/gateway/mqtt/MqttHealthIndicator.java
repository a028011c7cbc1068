package org.openparking.gateway.mqtt;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** /actuator/health component "mqtt": up while connected and subscribed. */
@Component("mqtt")
class MqttHealthIndicator extends AbstractHealthIndicator {

	private final BrokerConnection connection;

	private final BrokerProperties properties;

	MqttHealthIndicator(BrokerConnection connection, BrokerProperties properties) {
		this.connection = connection;
		this.properties = properties;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.status(connection.isSubscribed() ? "UP" : "DOWN")
			.withDetail("broker", properties.url())
			.withDetail("clientId", properties.clientId())
			.withDetail("sharedGroup", properties.sharedGroup());
	}
}
