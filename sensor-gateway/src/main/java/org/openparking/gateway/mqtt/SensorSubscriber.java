package org.openparking.gateway.mqtt;

import java.util.List;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.openparking.gateway.ingest.IngestPipeline;
import org.openparking.gateway.metrics.GatewayMetrics;
import org.openparking.gateway.uplink.UplinkTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The MQTT 5 client. QoS 1 on a persistent session with manual acknowledgements: a message is acknowledged only
 * after its outcome is durable in PostgreSQL, so whatever was in flight when the connection (or this process, or
 * the broker) died is delivered again. Paho reconnects on its own with growing pauses; the first connection is
 * retried here, so the gateway also starts while the broker is down.
 */
@Component
class SensorSubscriber implements SmartLifecycle, MqttCallback, BrokerConnection {

	private static final Logger log = LoggerFactory.getLogger(SensorSubscriber.class);

	private static final int QOS = 1;

	private final BrokerProperties properties;

	private final SslBundles sslBundles;

	private final UplinkTopics topics;

	private final IngestPipeline pipeline;

	private final GatewayMetrics metrics;

	private volatile MqttAsyncClient client;

	private volatile boolean subscribed;

	private volatile Thread firstConnection;

	SensorSubscriber(BrokerProperties properties, SslBundles sslBundles, UplinkTopics topics, IngestPipeline pipeline,
			GatewayMetrics metrics) {
		Assert.hasText(properties.clientId(), "parking.gateway.mqtt.client-id is required (unique per instance)");
		this.properties = properties;
		this.sslBundles = sslBundles;
		this.topics = topics;
		this.pipeline = pipeline;
		this.metrics = metrics;
	}

	@Override
	public boolean isSubscribed() {
		MqttAsyncClient current = client;
		return subscribed && current != null && current.isConnected();
	}

	@Override
	public String brokerUrl() {
		return properties.url();
	}

	@Override
	public synchronized void start() {
		try {
			client = new MqttAsyncClient(properties.url(), properties.clientId(), new MemoryPersistence());
		}
		catch (MqttException ex) {
			throw new IllegalStateException("Invalid MQTT settings: " + ex.getMessage(), ex);
		}
		client.setManualAcks(true);
		client.setCallback(this);
		MqttConnectionOptions options = ConnectionOptions.of(properties, sslBundles);
		firstConnection = Thread.ofVirtual().name("mqtt-first-connection").start(() -> connectUntilDone(options));
	}

	/** Paho reconnects by itself only after a first successful connection. */
	private void connectUntilDone(MqttConnectionOptions options) {
		long pause = properties.reconnectMinDelay().toMillis();
		while (!Thread.currentThread().isInterrupted()) {
			try {
				client.connect(options).waitForCompletion(properties.connectTimeout().toMillis() + 1000);
				return;
			}
			catch (MqttException ex) {
				log.warn("Cannot connect to the MQTT broker at {} ({}); retrying in {} ms", properties.url(),
						ex.getMessage(), pause);
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				return;
			}
			pause = Math.min(pause * 2, properties.reconnectMaxDelay().toMillis());
		}
	}

	@Override
	public void connectComplete(boolean reconnect, String serverUri) {
		log.info("Connected to the MQTT broker at {} as {}{}", serverUri, properties.clientId(),
				reconnect ? " (reconnected)" : "");
		// The session normally keeps the subscription; subscribing again is harmless and covers a lost session.
		List<String> filters = topics.filters();
		MqttSubscription[] subscriptions = filters.stream()
			.map(filter -> new MqttSubscription("$share/" + properties.sharedGroup() + "/" + filter, QOS))
			.toArray(MqttSubscription[]::new);
		try {
			client.subscribe(subscriptions, null, new MqttActionListener() {
				@Override
				public void onSuccess(IMqttToken token) {
					for (int code : token.getReasonCodes()) {
						if (code > QOS) {
							onFailure(token, new IllegalStateException("the broker refused with reason code " + code));
							return;
						}
					}
					subscribed = true;
					log.info("Subscribed to {} in shared group {}", filters, properties.sharedGroup());
				}

				@Override
				public void onFailure(IMqttToken token, Throwable failure) {
					log.error("Subscribing to {} failed; reconnecting", filters, failure);
					reconnectLater();
				}
			}, new MqttProperties());
		}
		catch (MqttException ex) {
			log.error("Subscribing to {} failed; reconnecting", filters, ex);
			reconnectLater();
		}
	}

	@Override
	public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
		metrics.received();
		int id = message.getId();
		int qos = message.getQos();
		pipeline.submit(topic, message.getPayload(), () -> acknowledge(id, qos));
	}

	/**
	 * After a reconnect the broker resends what was unacknowledged under the same packet ids, so a late
	 * acknowledgement is either still valid or redundant (the resent copy comes back as a duplicate).
	 */
	private void acknowledge(int id, int qos) {
		try {
			client.messageArrivedComplete(id, qos);
		}
		catch (MqttException ex) {
			log.debug("Acknowledging message {} failed ({}); the broker will redeliver it", id, ex.getMessage());
		}
	}

	@Override
	public void disconnected(MqttDisconnectResponse response) {
		subscribed = false;
		log.warn("Disconnected from the MQTT broker: {}", response);
	}

	@Override
	public void mqttErrorOccurred(MqttException exception) {
		log.warn("MQTT error", exception);
	}

	@Override
	public void deliveryComplete(IMqttToken token) {
	}

	@Override
	public void authPacketArrived(int reasonCode, MqttProperties authProperties) {
	}

	private void reconnectLater() {
		Thread.ofVirtual().start(() -> {
			try {
				client.disconnect().waitForCompletion();
				client.reconnect();
			}
			catch (MqttException ex) {
				log.warn("Reconnecting failed: {}", ex.getMessage());
			}
		});
	}

	@Override
	public synchronized void stop() {
		MqttAsyncClient current = client;
		if (current == null) {
			return;
		}
		firstConnection.interrupt();
		subscribed = false;
		try {
			if (current.isConnected()) {
				MqttProperties disconnect = new MqttProperties();
				if (properties.leaveOnShutdown()) {
					// Ends the session: the broker stops assigning this instance a share of the uplinks.
					disconnect.setSessionExpiryInterval(0L);
				}
				current.disconnect(5000, null, null, 0, disconnect).waitForCompletion(10_000);
			}
			current.close(true);
		}
		catch (MqttException ex) {
			log.warn("Closing the MQTT client: {}", ex.getMessage());
		}
		client = null;
	}

	@Override
	public boolean isRunning() {
		return client != null;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 50;
	}
}
