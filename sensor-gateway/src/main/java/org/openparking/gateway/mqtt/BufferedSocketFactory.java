package org.openparking.gateway.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Plain TCP sockets with a buffered input stream. Paho reads each packet's header byte by byte straight from the
 * socket, which costs several system calls per message; behind a buffer most messages cost none. (TLS sockets
 * buffer by themselves, whole records at a time.)
 */
public final class BufferedSocketFactory extends SocketFactory {

	private static final int BUFFER = 64 * 1024;

	@Override
	public Socket createSocket() {
		return new BufferedSocket();
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new BufferedSocket(), host, port);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		Socket socket = new BufferedSocket();
		socket.bind(new InetSocketAddress(localHost, localPort));
		return connected(socket, host, port);
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		Socket socket = new BufferedSocket();
		socket.connect(new InetSocketAddress(host, port));
		return socket;
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		Socket socket = new BufferedSocket();
		socket.bind(new InetSocketAddress(localAddress, localPort));
		socket.connect(new InetSocketAddress(address, port));
		return socket;
	}

	private static Socket connected(Socket socket, String host, int port) throws IOException {
		socket.connect(new InetSocketAddress(host, port));
		return socket;
	}

	private static final class BufferedSocket extends Socket {

		private InputStream input;

		@Override
		public synchronized InputStream getInputStream() throws IOException {
			if (input == null) {
				input = new BufferedInputStream(super.getInputStream(), BUFFER);
			}
			return input;
		}
	}
}
