package org.openparking.systemtest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A sensor's side of MQTT: publishes uplinks with QoS 1 to {@code parking/v1/sensors/{deviceId}/up}. */
public final class SensorUplinks implements AutoCloseable {

	private final MqttClient client;

	public SensorUplinks(String brokerUrl) {
		try {
			client = new MqttClient(brokerUrl, "system-test-sensor-" + UUID.randomUUID(), new MemoryPersistence());
			MqttConnectionOptions options = new MqttConnectionOptions();
			options.setCleanStart(true);
			options.setConnectionTimeout(10);
			client.connect(options);
		}
		catch (MqttException ex) {
			throw new AssertionError("MQTT broker " + brokerUrl + " is not usable: " + ex, ex);
		}
	}

	/** Returns once the broker acknowledged it (PUBACK). */
	public void publish(String deviceId, String json) {
		MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		try {
			client.publish("parking/v1/sensors/" + deviceId + "/up", message);
		}
		catch (MqttException ex) {
			throw new AssertionError("Publishing for " + deviceId + " failed: " + ex, ex);
		}
	}

	/** A native status reading (schema/src/main/resources/mqtt/README.md). */
	public static String status(boolean occupied, long seq, java.time.Instant at) {
		return """
				{"type":"status","occupied":%s,"seq":%d,"ts":"%s","battery":3.6,"rssi":-70,"snr":9.5,"firmware":"1.0.0"}"""
			.formatted(occupied, seq, at);
	}

	@Override
	public void close() {
		try {
			client.disconnect();
			client.close();
		}
		catch (MqttException ex) {
			// nothing left to release
		}
	}
}
