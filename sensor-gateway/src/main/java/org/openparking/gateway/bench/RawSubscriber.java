package org.openparking.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A plain QoS 1 subscriber that only counts: the broker's own rate and latency, for comparison with the gateway. It
 * acknowledges what it read once nothing more is waiting on the socket, so a busy stream costs few system calls.
 */
final class RawSubscriber implements AutoCloseable {

	private static final byte[] TS = "\"ts\":\"".getBytes(StandardCharsets.UTF_8);

	private final BareMqttConnection connection;

	private final byte[] topicPrefix;

	private final Arrivals arrivals = new Arrivals();

	private final Thread reader;

	private volatile boolean closing;

	/** Subscribes to {@code <topicRoot>+/up} and counts what the devices whose ids start with the prefix sent. */
	RawSubscriber(String brokerUrl, String topicRoot, String devicePrefix) throws IOException {
		this.topicPrefix = (topicRoot + devicePrefix + "-").getBytes(StandardCharsets.UTF_8);
		this.connection = BareMqttConnection.open(brokerUrl, "bench-raw-" + devicePrefix);
		connection.subscribe(topicRoot + "+/up");
		this.reader = Thread.ofPlatform().name("bench-raw-" + devicePrefix).start(this::receive);
	}

	private void receive() {
		try {
			while (true) {
				if (!connection.hasBuffered()) {
					connection.flush();
				}
				BareMqttConnection.Packet packet = connection.read();
				if (packet.type() == BareMqttConnection.PUBLISH) {
					arrived(packet);
				}
			}
		}
		catch (IOException ex) {
			if (!closing) {
				System.err.println("raw subscriber disconnected: " + ex);
			}
		}
	}

	private void arrived(BareMqttConnection.Packet packet) throws IOException {
		byte[] body = packet.body();
		int topicLength = packet.packetId(0);
		int at = 2 + topicLength;
		if (packet.qos() > 0) {
			connection.acknowledge(packet.packetId(at));
			at += 2;
		}
		if (!Arrays.equals(body, 2, 2 + Math.min(topicLength, topicPrefix.length), topicPrefix, 0,
				topicPrefix.length)) {
			return;
		}
		int[] propertiesLength = { 0 };
		at = BareMqttConnection.readVariableInt(body, at, propertiesLength) + propertiesLength[0];
		arrivals.arrived(Instant.now().toEpochMilli() - publishedAt(body, at));
	}

	/** The publisher puts the send time into ts; found without a JSON parser to keep the subscriber cheap. */
	private static long publishedAt(byte[] body, int payloadStart) {
		int start = indexOf(body, TS, payloadStart) + TS.length;
		int end = start;
		while (body[end] != '"') {
			end++;
		}
		return Instant.parse(new String(body, start, end - start, StandardCharsets.US_ASCII)).toEpochMilli();
	}

	private static int indexOf(byte[] bytes, byte[] part, int from) {
		for (int i = from; i <= bytes.length - part.length; i++) {
			if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				return i;
			}
		}
		throw new IllegalArgumentException("a reading without ts");
	}

	Arrivals arrivals() {
		return arrivals;
	}

	@Override
	public void close() throws IOException, InterruptedException {
		closing = true;
		connection.close();
		reader.join();
	}
}
