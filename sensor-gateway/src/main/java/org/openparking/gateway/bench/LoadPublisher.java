package org.openparking.gateway.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.openparking.gateway.mqtt.BufferedSocketFactory;

/**
 * One benchmark publisher: its own devices in turn, every reading flipping its spot (so with a zero debounce every
 * reading becomes an observation), QoS 1 with a window of unacknowledged publishes, optionally paced.
 */
final class LoadPublisher implements Runnable, AutoCloseable {

	private final MqttAsyncClient client;

	private final List<String> devices;

	private final long stopAtNanos;

	private final long intervalNanos;

	private final Semaphore window;

	private final int windowSize;

	private final AtomicLong acknowledged = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	LoadPublisher(String brokerUrl, String clientId, List<String> devices, long stopAtNanos, double ratePerSecond,
			int windowSize) throws MqttException {
		this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setCleanStart(true);
		options.setSocketFactory(new BufferedSocketFactory());
		client.connect(options).waitForCompletion(10_000);
		this.devices = devices;
		this.stopAtNanos = stopAtNanos;
		this.intervalNanos = ratePerSecond > 0 ? (long) (1e9 / ratePerSecond) : 0;
		this.windowSize = windowSize;
		this.window = new Semaphore(windowSize);
	}

	@Override
	public void run() {
		long[] seq = new long[devices.size()];
		long next = System.nanoTime();
		int device = 0;
		while (System.nanoTime() < stopAtNanos) {
			if (intervalNanos > 0) {
				next += intervalNanos;
				long wait = next - System.nanoTime();
				if (wait > 0) {
					java.util.concurrent.locks.LockSupport.parkNanos(wait);
				}
			}
			long n = ++seq[device];
			String body = "{\"type\":\"status\",\"occupied\":" + (n % 2 == 1) + ",\"seq\":" + n + ",\"ts\":\""
					+ Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\",\"battery\":3.6,\"rssi\":-80,\"snr\":7}";
			publish("parking/v1/sensors/" + devices.get(device) + "/up", body.getBytes(StandardCharsets.UTF_8));
			device = (device + 1) % devices.size();
		}
	}

	private void publish(String topic, byte[] payload) {
		window.acquireUninterruptibly();
		while (true) {
			try {
				MqttMessage message = new MqttMessage(payload);
				message.setQos(1);
				client.publish(topic, message, null, new MqttActionListener() {
					@Override
					public void onSuccess(IMqttToken token) {
						acknowledged.incrementAndGet();
						window.release();
					}

					@Override
					public void onFailure(IMqttToken token, Throwable exception) {
						failed.incrementAndGet();
						window.release();
					}
				});
				return;
			}
			catch (MqttException ex) {
				if (ex.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
					failed.incrementAndGet();
					window.release();
					return;
				}
				// Paho's own in-flight limit (the broker's Receive Maximum) is below our window: wait a moment.
				java.util.concurrent.locks.LockSupport.parkNanos(200_000);
			}
		}
	}

	/** Waits for every publish to be acknowledged or failed. */
	void drain() throws InterruptedException {
		if (window.tryAcquire(windowSize, 60, TimeUnit.SECONDS)) {
			window.release(windowSize);
		}
	}

	long acknowledged() {
		return acknowledged.get();
	}

	long failed() {
		return failed.get();
	}

	@Override
	public void close() throws MqttException {
		client.disconnect().waitForCompletion(10_000);
		client.close();
	}
}
