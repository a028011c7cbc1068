package org.openparking.gateway.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Just enough MQTT 5 on a plain socket for the load generator: CONNECT, QoS 1 PUBLISH and PUBACK, SUBSCRIBE. Paho
 * hands every message between threads and keeps a token per publish; at 5,000 readings/s the benchmark's Paho
 * publishers and subscriber took 56 % of one of this machine's two cores, CPU the services under test then lacked.
 * Here a packet costs one small array and, when the connection is busy, no system call of its own. The gateway itself
 * stays on Paho.
 * <p>
 * Not thread-safe: one thread uses a connection, or at most one writes while another reads.
 */
final class BareMqttConnection implements AutoCloseable {

	private static final int CONNACK = 2;

	static final int PUBLISH = 3;

	static final int PUBACK = 4;

	private static final int SUBACK = 9;

	private static final int BUFFER = 64 * 1024;

	private static final int RECEIVE_MAXIMUM = 0x21;

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	private int receiveMaximum = 65535;

	/** A packet as read: its first byte (type and flags) and the rest. */
	record Packet(int header, byte[] body) {

		int type() {
			return header >>> 4;
		}

		int qos() {
			return (header >>> 1) & 3;
		}

		int packetId(int offset) {
			return ((body[offset] & 0xff) << 8) | (body[offset + 1] & 0xff);
		}
	}

	private BareMqttConnection(Socket socket) throws IOException {
		this.socket = socket;
		socket.setTcpNoDelay(true);
		this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER));
		this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
	}

	/** Connects with a clean start and no keep-alive, offering the broker a window of 65,535 unacknowledged messages. */
	static BareMqttConnection open(String brokerUrl, String clientId) throws IOException {
		URI uri = URI.create(brokerUrl);
		if (!"tcp".equals(uri.getScheme())) {
			throw new IllegalArgumentException("the load generator speaks plain tcp:// only: " + brokerUrl);
		}
		BareMqttConnection connection = new BareMqttConnection(new Socket(uri.getHost(), uri.getPort()));
		ByteArrayOutputStream connect = new ByteArrayOutputStream();
		writeString(connect, "MQTT");
		connect.write(5); // protocol version
		connect.write(0x02); // clean start
		connect.write(0); // keep-alive 0: off
		connect.write(0);
		connect.write(3); // properties: Receive Maximum 65535
		connect.write(RECEIVE_MAXIMUM);
		connect.write(0xff);
		connect.write(0xff);
		writeString(connect, clientId);
		connection.send(0x10, connect.toByteArray());
		connection.flush();
		Packet ack = connection.read();
		if (ack.type() != CONNACK || ack.body()[1] != 0) {
			connection.close();
			throw new IOException("the broker refused " + clientId + ": packet type " + ack.type() + ", reason "
					+ (ack.body().length > 1 ? ack.body()[1] & 0xff : -1));
		}
		connection.receiveMaximum = receiveMaximumOf(ack.body());
		return connection;
	}

	/** How many QoS 1 publishes the broker takes unacknowledged (its CONNACK's Receive Maximum, 65,535 if absent). */
	int receiveMaximum() {
		return receiveMaximum;
	}

	/** Buffers a QoS 1 PUBLISH; it reaches the broker with the next {@link #flush()} or once the buffer is full. */
	void publish(int packetId, byte[] topic, byte[] payload) throws IOException {
		writeHeader(0x32, 2 + topic.length + 2 + 1 + payload.length);
		out.write(topic.length >>> 8);
		out.write(topic.length);
		out.write(topic);
		out.write(packetId >>> 8);
		out.write(packetId);
		out.write(0); // no properties
		out.write(payload);
	}

	/** Buffers the acknowledgement of a received QoS 1 PUBLISH. */
	void acknowledge(int packetId) throws IOException {
		out.write(PUBACK << 4);
		out.write(2);
		out.write(packetId >>> 8);
		out.write(packetId);
	}

	/** Subscribes with QoS 1 and waits for the broker's SUBACK; call before any reader thread starts. */
	void subscribe(String filter) throws IOException {
		ByteArrayOutputStream subscribe = new ByteArrayOutputStream();
		subscribe.write(0);
		subscribe.write(1); // packet id 1
		subscribe.write(0); // no properties
		writeString(subscribe, filter);
		subscribe.write(1); // QoS 1
		send(0x82, subscribe.toByteArray());
		flush();
		Packet ack = read();
		if (ack.type() != SUBACK || (ack.body()[ack.body().length - 1] & 0xff) >= 0x80) {
			throw new IOException("the broker refused the subscription to " + filter);
		}
	}

	/** How long a read waits before it fails; 0 for ever. */
	void readTimeout(int millis) throws IOException {
		socket.setSoTimeout(millis);
	}

	void flush() throws IOException {
		out.flush();
	}

	/** Whether a read would find bytes already received; if not, a reader should flush what it owes first. */
	boolean hasBuffered() throws IOException {
		return in.available() > 0;
	}

	/** The next packet; blocks. */
	Packet read() throws IOException {
		int header = in.readUnsignedByte();
		byte[] body = new byte[readRemainingLength()];
		in.readFully(body);
		return new Packet(header, body);
	}

	@Override
	public void close() throws IOException {
		try {
			out.write(0xe0); // DISCONNECT, normal
			out.write(0);
			out.flush();
		}
		catch (IOException alreadyGone) {
			// closing anyway
		}
		socket.close();
	}

	private void send(int header, byte[] body) throws IOException {
		writeHeader(header, body.length);
		out.write(body);
	}

	private void writeHeader(int header, int remainingLength) throws IOException {
		out.write(header);
		int rest = remainingLength;
		do {
			int digit = rest & 0x7f;
			rest >>>= 7;
			out.write(rest > 0 ? digit | 0x80 : digit);
		}
		while (rest > 0);
	}

	private int readRemainingLength() throws IOException {
		int length = 0;
		for (int shift = 0; shift < 28; shift += 7) {
			int digit = in.readUnsignedByte();
			length |= (digit & 0x7f) << shift;
			if ((digit & 0x80) == 0) {
				return length;
			}
		}
		throw new IOException("malformed remaining length");
	}

	private static int receiveMaximumOf(byte[] connack) {
		int at = 2;
		int[] length = { 0 };
		at = readVariableInt(connack, at, length);
		int end = at + length[0];
		while (at < end) {
			int id = connack[at++] & 0xff;
			if (id == RECEIVE_MAXIMUM) {
				return ((connack[at] & 0xff) << 8) | (connack[at + 1] & 0xff);
			}
			at += propertyLength(id, connack, at);
		}
		return 65535;
	}

	/** The length of a CONNACK property's value, by the property's type (MQTT 5, section 2.2.2.2). */
	private static int propertyLength(int id, byte[] bytes, int at) {
		return switch (id) {
			case 0x24, 0x25, 0x28, 0x29, 0x2a -> 1; // bytes
			case 0x13, 0x21, 0x22 -> 2; // two-byte integers
			case 0x11, 0x27 -> 4; // four-byte integers
			case 0x26 -> 4 + twoByte(bytes, at) + twoByte(bytes, at + 2 + twoByte(bytes, at)); // user property
			default -> 2 + twoByte(bytes, at); // strings and binary data
		};
	}

	private static int twoByte(byte[] bytes, int at) {
		return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
	}

	/** Reads a variable byte integer into value[0]; returns the offset after it. */
	static int readVariableInt(byte[] bytes, int at, int[] value) {
		int result = 0;
		int shift = 0;
		int next = at;
		int digit;
		do {
			digit = bytes[next++] & 0xff;
			result |= (digit & 0x7f) << shift;
			shift += 7;
		}
		while ((digit & 0x80) != 0);
		value[0] = result;
		return next;
	}

	private static void writeString(ByteArrayOutputStream to, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		to.write(bytes.length >>> 8);
		to.write(bytes.length);
		to.writeBytes(bytes);
	}
}
