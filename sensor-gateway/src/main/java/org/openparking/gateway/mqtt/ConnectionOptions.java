package org.openparking.gateway.mqtt;

import java.nio.charset.StandardCharsets;

import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

import org.springframework.boot.ssl.SslBundles;

/** Builds the Paho options from the configuration. */
final class ConnectionOptions {

	private ConnectionOptions() {
	}

	static MqttConnectionOptions of(BrokerProperties properties, SslBundles sslBundles) {
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setServerURIs(new String[] { properties.url() });
		// A persistent session: what the broker holds for us survives our restarts and reconnects.
		options.setCleanStart(false);
		options.setSessionExpiryInterval(properties.sessionExpiry().toSeconds());
		options.setKeepAliveInterval((int) properties.keepAlive().toSeconds());
		options.setConnectionTimeout((int) properties.connectTimeout().toSeconds());
		options.setReceiveMaximum(properties.receiveMaximum());
		options.setMaximumPacketSize(properties.maximumPacketSize().toBytes());
		options.setAutomaticReconnect(true);
		// Paho 1.2.5 starts its reconnect backoff at 1 s and caps it here (it ignores setAutomaticReconnectDelay).
		options.setMaxReconnectDelay((int) properties.reconnectMaxDelay().toMillis());
		if (properties.username() != null) {
			options.setUserName(properties.username());
		}
		if (properties.password() != null) {
			options.setPassword(properties.password().getBytes(StandardCharsets.UTF_8));
		}
		if (properties.sslBundle() != null) {
			options.setSocketFactory(
					sslBundles.getBundle(properties.sslBundle()).createSslContext().getSocketFactory());
		}
		else if (properties.url().startsWith("tcp://")) {
			options.setSocketFactory(new BufferedSocketFactory());
		}
		return options;
	}
}
