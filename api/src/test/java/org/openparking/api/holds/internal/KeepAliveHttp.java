package org.openparking.api.holds.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A keep-alive HTTP/1.1 connection that POSTs JSON, for the benchmark: a load generator sharing two cores with the
 * server must cost as little CPU as possible, so it assembles the request in one reused array and parses the
 * response in its own buffer (a byte-wise {@code BufferedInputStream.read()} takes a lock per byte). It reconnects
 * when the server closes the connection (Tomcat does after 100 requests). Not thread-safe: one per client.
 */
final class KeepAliveHttp implements AutoCloseable {

	private static final byte[] CONTENT_LENGTH = "\r\nContent-Length: ".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	private final int port;

	/** The request up to the bearer token. */
	private final byte[] head;

	private byte[] request = new byte[4096];

	private final byte[] received = new byte[16 * 1024];

	/** The unread bytes of {@link #received}: {@code [from, to)}. */
	private int from;

	private int to;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	KeepAliveHttp(int port, String path) {
		this.port = port;
		this.head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\nAuthorization: Bearer ")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** The response body; fails on a status other than 200. */
	String post(String bearerToken, String json) throws IOException {
		if (socket == null) {
			connect();
		}
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		byte[] token = bearerToken.getBytes(StandardCharsets.US_ASCII);
		byte[] length = Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII);
		int size = head.length + token.length + CONTENT_LENGTH.length + length.length + END_OF_HEAD.length
				+ body.length;
		if (request.length < size) {
			request = new byte[Math.max(size, request.length * 2)];
		}
		int at = put(head, 0);
		at = put(token, at);
		at = put(CONTENT_LENGTH, at);
		at = put(length, at);
		at = put(END_OF_HEAD, at);
		at = put(body, at);
		out.write(request, 0, at); // one write, one segment: a split request would wait for a delayed ACK
		out.flush();
		return readResponse();
	}

	private int put(byte[] bytes, int at) {
		System.arraycopy(bytes, 0, request, at, bytes.length);
		return at + bytes.length;
	}

	private void connect() throws IOException {
		socket = new Socket("127.0.0.1", port);
		socket.setTcpNoDelay(true);
		out = socket.getOutputStream();
		in = socket.getInputStream();
	}

	private String readResponse() throws IOException {
		String status = readLine();
		if (!status.startsWith("HTTP/1.1 200")) {
			close();
			throw new IOException("Unexpected response: " + status);
		}
		int length = -1;
		boolean chunked = false;
		boolean closing = false;
		for (String line = readLine(); !line.isEmpty(); line = readLine()) {
			String lower = line.toLowerCase();
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closing = true;
			}
		}
		String body;
		if (chunked) {
			ByteArrayOutputStream chunks = new ByteArrayOutputStream(512);
			for (int size = chunkSize(); size > 0; size = chunkSize()) {
				chunks.write(readBytes(size));
				readLine();
			}
			readLine();
			body = chunks.toString(StandardCharsets.UTF_8);
		}
		else {
			body = new String(readBytes(length), StandardCharsets.UTF_8);
		}
		if (closing) {
			close();
		}
		return body;
	}

	private int chunkSize() throws IOException {
		return Integer.parseInt(readLine().trim(), 16);
	}

	/** A header line without its CRLF; header lines are ASCII. */
	private String readLine() throws IOException {
		for (int scanned = from;; ) {
			for (; scanned < to; scanned++) {
				if (received[scanned] == '\n') {
					int end = scanned > from && received[scanned - 1] == '\r' ? scanned - 1 : scanned;
					String line = new String(received, from, end - from, StandardCharsets.ISO_8859_1);
					from = scanned + 1;
					return line;
				}
			}
			int kept = scanned - from;
			fill();
			scanned = from + kept;
		}
	}

	private byte[] readBytes(int count) throws IOException {
		byte[] bytes = new byte[count];
		int copied = 0;
		while (copied < count) {
			if (from == to) {
				fill();
			}
			int chunk = Math.min(count - copied, to - from);
			System.arraycopy(received, from, bytes, copied, chunk);
			from += chunk;
			copied += chunk;
		}
		return bytes;
	}

	/** Reads more bytes after the unread ones, moving those to the front first. */
	private void fill() throws IOException {
		if (from > 0) {
			System.arraycopy(received, from, received, 0, to - from);
			to -= from;
			from = 0;
		}
		if (to == received.length) {
			throw new IOException("A response line longer than " + received.length + " bytes");
		}
		int read = in.read(received, to, received.length - to);
		if (read < 0) {
			close();
			throw new IOException("Connection closed");
		}
		to += read;
	}

	@Override
	public void close() throws IOException {
		if (socket != null) {
			socket.close();
			socket = null;
		}
		from = 0;
		to = 0;
	}
}
