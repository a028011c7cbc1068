package org.openparking.gateway.bench;

import java.time.Duration;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A QoS 1 publisher that does not give up: a publish returns once the broker acknowledged it, retrying through
 * "too many publishes in progress" (Paho 32202) and through a broker that is down or restarting. A retry after a
 * lost acknowledgement may publish a message twice, which the gateway must (and does) absorb.
 */
public final class ReliablePublisher implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final MqttAsyncClient client;

	public ReliablePublisher(String brokerUrl, String clientId) {
		try {
			client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
			MqttConnectionOptions options = new MqttConnectionOptions();
			options.setCleanStart(true);
			options.setAutomaticReconnect(true);
			options.setMaxReconnectDelay(2000);
			client.connect(options).waitForCompletion(TIMEOUT.toMillis());
		}
		catch (MqttException ex) {
			throw new IllegalStateException("Cannot connect to the MQTT broker at " + brokerUrl, ex);
		}
	}

	/** Publishes with QoS 1 and returns once the broker has it. */
	public void publish(String topic, byte[] payload) {
		long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			try {
				// A fresh message per attempt: Paho marks a published one as in use.
				MqttMessage message = new MqttMessage(payload);
				message.setQos(1);
				client.publish(topic, message).waitForCompletion(TIMEOUT.toMillis());
				return;
			}
			catch (MqttException ex) {
				if (System.nanoTime() > giveUp) {
					throw new IllegalStateException("Publishing to " + topic + " kept failing", ex);
				}
				pause(ex.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT ? 2 : 200);
			}
		}
	}

	public boolean isConnected() {
		return client.isConnected();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	@Override
	public void close() {
		try {
			if (client.isConnected()) {
				client.disconnect().waitForCompletion(TIMEOUT.toMillis());
			}
			client.close(true);
		}
		catch (MqttException ex) {
			// closing anyway
		}
	}
}
