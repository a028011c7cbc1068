package org.openparking.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One benchmark publisher: its own devices in turn, every reading flipping its spot (so with a zero debounce every
 * reading becomes an observation), QoS 1 with a window of unacknowledged publishes, optionally paced. One thread does
 * it all: paced, it sends what has fallen due, reads the acknowledgements that have arrived and sleeps for at least a
 * tick, so a tick costs one write, a read or two and one wake-up, not a few of each per reading.
 */
final class LoadPublisher implements Runnable, AutoCloseable {

	private static final long TICK_NANOS = 1_000_000;

	private static final int ACKNOWLEDGEMENT_TIMEOUT_MILLIS = 60_000;

	private final BareMqttConnection connection;

	private final List<byte[]> topics;

	private final long stopAtNanos;

	private final long intervalNanos;

	private final int windowSize;

	private final long seqBefore;

	private final long most;

	private int unacknowledged;

	private long acknowledged;

	private long failed;

	/**
	 * Which readings a publisher sends: its devices' sequence numbers continue after {@code seqBefore} (readings
	 * {@code seqBefore + 1} on, odd ones occupied), and it stops after {@code perDevice} readings of each device, or at
	 * its stop time.
	 */
	record Readings(long seqBefore, long perDevice) {

		/** Every device from its first reading on, until the stop time. */
		static final Readings FROM_THE_FIRST = new Readings(0, Long.MAX_VALUE);
	}

	/** Publishes each device's readings to {@code <topicRoot><device>/up}. */
	LoadPublisher(String brokerUrl, String clientId, String topicRoot, List<String> devices, long stopAtNanos,
			double ratePerSecond, int windowSize, Readings readings) throws IOException {
		this.connection = BareMqttConnection.open(brokerUrl, clientId);
		connection.readTimeout(ACKNOWLEDGEMENT_TIMEOUT_MILLIS);
		this.topics = devices.stream()
			.map(device -> (topicRoot + device + "/up").getBytes(StandardCharsets.UTF_8))
			.toList();
		this.stopAtNanos = stopAtNanos;
		this.intervalNanos = ratePerSecond > 0 ? (long) (1e9 / ratePerSecond) : 0;
		// Packet ids must stay unique among the unacknowledged, and the broker takes no more than its Receive Maximum.
		this.windowSize = Math.min(Math.min(windowSize, connection.receiveMaximum()), 65535);
		this.most = readings.perDevice() == Long.MAX_VALUE ? Long.MAX_VALUE : readings.perDevice() * devices.size();
		this.seqBefore = readings.seqBefore();
	}

	/**
	 * Publishes until the stop time or its last reading, then waits for the last acknowledgements (what never comes
	 * counts as failed).
	 */
	@Override
	public void run() {
		try {
			publish();
			while (unacknowledged > 0) {
				readAcknowledgement();
			}
		}
		catch (IOException ex) {
			System.err.println("publisher lost its connection: " + ex);
			failed += unacknowledged;
		}
	}

	private void publish() throws IOException {
		long[] seq = new long[topics.size()];
		Arrays.fill(seq, seqBefore);
		long start = System.nanoTime();
		long sent = 0;
		int device = 0;
		int packetId = 0;
		for (long now = start; now < stopAtNanos && sent < most; now = System.nanoTime()) {
			long due = Math.min(most, intervalNanos > 0 ? (now - start) / intervalNanos + 1 : sent + windowSize);
			for (; sent < due; sent++) {
				while (unacknowledged >= windowSize) {
					connection.flush();
					readAcknowledgement();
				}
				long n = ++seq[device];
				String body = "{\"type\":\"status\",\"occupied\":" + (n % 2 == 1) + ",\"seq\":" + n + ",\"ts\":\""
						+ Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\",\"battery\":3.6,\"rssi\":-80,\"snr\":7}";
				packetId = packetId % 65535 + 1;
				connection.publish(packetId, topics.get(device), body.getBytes(StandardCharsets.UTF_8));
				unacknowledged++;
				device = (device + 1) % topics.size();
			}
			connection.flush();
			while (connection.hasBuffered()) {
				readAcknowledgement();
			}
			if (intervalNanos > 0) {
				LockSupport.parkNanos(Math.max(TICK_NANOS, start + sent * intervalNanos - System.nanoTime()));
			}
		}
		connection.flush();
	}

	private void readAcknowledgement() throws IOException {
		BareMqttConnection.Packet packet = connection.read();
		if (packet.type() == BareMqttConnection.PUBACK) {
			unacknowledged--;
			if (packet.body().length > 2 && (packet.body()[2] & 0xff) >= 0x80) {
				failed++;
			}
			else {
				acknowledged++;
			}
		}
	}

	/** Read once {@link #run()} has returned. */
	long acknowledged() {
		return acknowledged;
	}

	long failed() {
		return failed;
	}

	@Override
	public void close() throws IOException {
		connection.close();
	}
}
