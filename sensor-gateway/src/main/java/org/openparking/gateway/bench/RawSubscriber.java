package org.openparking.gateway.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.openparking.gateway.mqtt.BufferedSocketFactory;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A plain QoS 1 subscriber that only counts: the broker's own rate and latency, for comparison with the gateway. */
final class RawSubscriber implements MqttCallback, AutoCloseable {

	private final MqttAsyncClient client;

	private final String topicPrefix;

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong lastReceivedNanos = new AtomicLong();

	private final LatencyHistogram latency = new LatencyHistogram();

	RawSubscriber(String brokerUrl, String devicePrefix) throws MqttException {
		this.topicPrefix = "parking/v1/sensors/" + devicePrefix + "-";
		client = new MqttAsyncClient(brokerUrl, "bench-raw-" + devicePrefix, new MemoryPersistence());
		client.setCallback(this);
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setCleanStart(true);
		options.setSocketFactory(new BufferedSocketFactory());
		options.setReceiveMaximum(65535);
		client.connect(options).waitForCompletion(10_000);
		client.subscribe(new MqttSubscription("parking/v1/sensors/+/up", 1)).waitForCompletion(10_000);
	}

	@Override
	public void messageArrived(String topic, MqttMessage message) {
		if (!topic.startsWith(topicPrefix)) {
			return;
		}
		received.incrementAndGet();
		lastReceivedNanos.set(System.nanoTime());
		latency.record(Instant.now().toEpochMilli() - publishedAt(message.getPayload()));
	}

	/** The publisher puts the send time into ts; found without a JSON parser to keep the subscriber cheap. */
	private static long publishedAt(byte[] payload) {
		String body = new String(payload, StandardCharsets.UTF_8);
		int start = body.indexOf("\"ts\":\"") + 6;
		return Instant.parse(body.substring(start, body.indexOf('"', start))).toEpochMilli();
	}

	long received() {
		return received.get();
	}

	long lastReceivedNanos() {
		return lastReceivedNanos.get();
	}

	LatencyHistogram latency() {
		return latency;
	}

	@Override
	public void disconnected(MqttDisconnectResponse response) {
		System.err.println("raw subscriber disconnected: " + response);
	}

	@Override
	public void mqttErrorOccurred(MqttException exception) {
	}

	@Override
	public void deliveryComplete(IMqttToken token) {
	}

	@Override
	public void connectComplete(boolean reconnect, String serverUri) {
	}

	@Override
	public void authPacketArrived(int reasonCode, MqttProperties properties) {
	}

	@Override
	public void close() throws MqttException {
		client.disconnect().waitForCompletion(10_000);
		client.close();
	}
}
