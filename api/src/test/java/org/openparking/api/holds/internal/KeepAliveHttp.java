package org.openparking.api.holds.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A keep-alive HTTP/1.1 connection that POSTs JSON, for the benchmark: a load generator sharing two cores with the
 * server must cost as little CPU as possible, so it writes the request bytes and reads the response by hand. It
 * reconnects when the server closes the connection (Tomcat does after 100 requests). Not thread-safe: one per client.
 */
final class KeepAliveHttp implements AutoCloseable {

	private final int port;

	private final String head;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	KeepAliveHttp(int port, String path) {
		this.port = port;
		this.head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\n";
	}

	/** The response body; fails on a status other than 200. */
	String post(String bearerToken, String json) throws IOException {
		if (socket == null) {
			connect();
		}
		byte[] request = (head + "Authorization: Bearer " + bearerToken + "\r\nContent-Length: "
				+ json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json)
			.getBytes(StandardCharsets.UTF_8);
		out.write(request); // one write, one segment: a split request would wait for a delayed ACK
		out.flush();
		return readResponse();
	}

	private void connect() throws IOException {
		socket = new Socket("127.0.0.1", port);
		socket.setTcpNoDelay(true);
		out = socket.getOutputStream();
		in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
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
		ByteArrayOutputStream body = new ByteArrayOutputStream(512);
		if (chunked) {
			for (int size = chunkSize(); size > 0; size = chunkSize()) {
				body.write(in.readNBytes(size));
				readLine();
			}
			readLine();
		}
		else {
			body.write(in.readNBytes(length));
		}
		if (closing) {
			close();
		}
		return body.toString(StandardCharsets.UTF_8);
	}

	private int chunkSize() throws IOException {
		return Integer.parseInt(readLine().trim(), 16);
	}

	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				close();
				throw new IOException("Connection closed");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Override
	public void close() throws IOException {
		if (socket != null) {
			socket.close();
			socket = null;
		}
	}
}
