package org.openparking.gateway.mqtt;

import java.time.Duration;
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
 * <p>
 * Two Paho 1.2.5 defects are worked around: an acknowledgement queued while disconnected makes the next reconnect
 * hang forever (its new sender thread finds the acknowledgement ahead of the CONNECT packet and quits), so nothing
 * is acknowledged while disconnected - the broker redelivers those messages anyway; and should a reconnect hang
 * regardless, a watchdog replaces the client after {@code stuckAfter}, resuming the same session.
 */
@Component
class SensorSubscriber implements SmartLifecycle, BrokerConnection {

	private static final Logger log = LoggerFactory.getLogger(SensorSubscriber.class);

	private static final int QOS = 1;

	private final BrokerProperties properties;

	private final SslBundles sslBundles;

	private final UplinkTopics topics;

	private final IngestPipeline pipeline;

	private final GatewayMetrics metrics;

	private final Duration stuckAfter;

	private volatile Connection connection;

	private volatile Thread watchdog;

	SensorSubscriber(BrokerProperties properties, SslBundles sslBundles, UplinkTopics topics, IngestPipeline pipeline,
			GatewayMetrics metrics) {
		Assert.hasText(properties.clientId(), "parking.gateway.mqtt.client-id is required (unique per instance)");
		this.properties = properties;
		this.sslBundles = sslBundles;
		this.topics = topics;
		this.pipeline = pipeline;
		this.metrics = metrics;
		this.stuckAfter = properties.reconnectMaxDelay().multipliedBy(2).plus(properties.connectTimeout());
	}

	@Override
	public boolean isSubscribed() {
		Connection current = connection;
		return current != null && current.subscribed && current.client.isConnected();
	}

	@Override
	public String brokerUrl() {
		return properties.url();
	}

	@Override
	public synchronized void start() {
		connection = new Connection();
		watchdog = Thread.ofVirtual().name("mqtt-watchdog").start(this::watch);
	}

	private void watch() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				return;
			}
			synchronized (this) {
				Connection current = connection;
				if (current != null && current.isStuck()) {
					log.warn("Still not reconnected to {} after {}; replacing the MQTT client", properties.url(),
							stuckAfter);
					current.close(false);
					connection = new Connection();
				}
			}
		}
	}

	@Override
	public synchronized void stop() {
		if (watchdog != null) {
			watchdog.interrupt();
		}
		if (connection != null) {
			connection.close(true);
			connection = null;
		}
	}

	@Override
	public boolean isRunning() {
		return connection != null;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 50;
	}

	/** One Paho client and its callbacks; replaced as a whole when it gets stuck. */
	private final class Connection implements MqttCallback {

		private final MqttAsyncClient client;

		private final Thread firstConnection;

		private volatile boolean subscribed;

		private volatile boolean closed;

		private volatile long disconnectedSince = System.nanoTime();

		Connection() {
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

		boolean isStuck() {
			long since = disconnectedSince;
			return since != 0 && !firstConnection.isAlive() && System.nanoTime() - since > stuckAfter.toNanos();
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
			disconnectedSince = 0;
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
								onFailure(token, new IllegalStateException("refused with reason code " + code));
								return;
							}
						}
						subscribed = true;
						log.info("Subscribed to {} in shared group {}", filters, properties.sharedGroup());
					}

					@Override
					public void onFailure(IMqttToken token, Throwable failure) {
						// Nothing arrives without the subscription: the watchdog starts over with a new client.
						log.error("Subscribing to {} failed", filters, failure);
						disconnectedSince = System.nanoTime() - stuckAfter.toNanos();
					}
				}, new MqttProperties());
			}
			catch (MqttException ex) {
				log.error("Subscribing to {} failed", filters, ex);
				disconnectedSince = System.nanoTime() - stuckAfter.toNanos();
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
		 * acknowledgement is either still valid or redundant (the resent copy comes back as a duplicate). Whether
		 * this client is still the one in use is its own {@code closed} flag, not the {@code connection} field: a
		 * replacement receives (and must acknowledge) its session's queued messages before the watchdog has stored
		 * it there, and unacknowledged messages fill the broker's window until nothing more is sent.
		 */
		private void acknowledge(int id, int qos) {
			if (closed || !client.isConnected()) {
				return;
			}
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
			disconnectedSince = System.nanoTime();
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

		void close(boolean graceful) {
			closed = true;
			firstConnection.interrupt();
			subscribed = false;
			try {
				if (graceful && client.isConnected()) {
					MqttProperties disconnect = new MqttProperties();
					if (properties.leaveOnShutdown()) {
						// Ends the session: the broker stops assigning this instance a share of the uplinks.
						disconnect.setSessionExpiryInterval(0L);
					}
					client.disconnect(5000, null, null, 0, disconnect).waitForCompletion(10_000);
				}
				else {
					client.disconnectForcibly(0, 1000, false);
				}
			}
			catch (MqttException ex) {
				log.debug("Disconnecting: {}", ex.getMessage());
			}
			try {
				client.close(true);
			}
			catch (MqttException ex) {
				log.debug("Closing the MQTT client: {}", ex.getMessage());
			}
		}
	}
}
