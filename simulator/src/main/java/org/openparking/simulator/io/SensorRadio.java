package org.openparking.simulator.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes sensor uplinks with QoS 1 over a few MQTT connections; a device always uses the same connection, so its
 * messages reach the broker in the order they were sent.
 */
public final class SensorRadio implements AutoCloseable {

	/** Paho's "too many publishes in progress": the in-flight window is full, so wait and send again. */
	private static final int MAX_INFLIGHT = 32202;

	private final List<MqttAsyncClient> clients = new ArrayList<>();

	public SensorRadio(String url, String username, String password, int connections) throws MqttException {
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < connections; i++) {
			MqttAsyncClient client = new MqttAsyncClient(url, "simulator-" + run + "-" + i, new MemoryPersistence());
			MqttConnectionOptions options = new MqttConnectionOptions();
			options.setCleanStart(true);
			options.setAutomaticReconnect(true);
			options.setReceiveMaximum(1000);
			if (username != null && !username.isBlank()) {
				options.setUserName(username);
				options.setPassword(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8));
			}
			client.connect(options).waitForCompletion(10_000);
			clients.add(client);
		}
	}

	public static String topic(String deviceId) {
		return "parking/v1/sensors/" + deviceId + "/up";
	}

	/** Sends once the client accepts it; the returned token completes when the broker acknowledged it. */
	public IMqttToken publish(String deviceId, byte[] payload) {
		MqttAsyncClient client = clients.get(Math.floorMod(deviceId.hashCode(), clients.size()));
		MqttMessage message = new MqttMessage(payload, 1, false, null);
		for (int attempt = 0;; attempt++) {
			try {
				return client.publish(topic(deviceId), message);
			}
			catch (MqttException e) {
				if (e.getReasonCode() != MAX_INFLIGHT && client.isConnected() || attempt > 2000) {
					throw new ApiException("MQTT_" + e.getReasonCode(), String.valueOf(e.getMessage()), e);
				}
				sleep(e.getReasonCode() == MAX_INFLIGHT ? 2 : 50);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ApiException("INTERRUPTED", "interrupted", e);
		}
	}

	@Override
	public void close() {
		for (MqttAsyncClient client : clients) {
			try {
				client.disconnect().waitForCompletion(5_000);
				client.close();
			}
			catch (MqttException e) {
				// Closing at the end of a run: a broker that is already gone changes nothing.
			}
		}
	}
}
