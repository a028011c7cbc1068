package org.openparking.gateway.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * A mosquitto process of a test's own, on a free port with persistence in a temporary directory, so a test can
 * restart its broker (or keep its traffic apart) without touching the machine's broker. Needs /usr/sbin/mosquitto
 * (or MOSQUITTO_BINARY); a test using it fails when that is missing.
 */
public final class PrivateBroker implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(15);

	private final Path directory;

	private final int port;

	private Process process;

	private PrivateBroker(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	public static PrivateBroker start() {
		try {
			Path directory = Files.createTempDirectory("gateway-test-mosquitto");
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Files.writeString(directory.resolve("mosquitto.conf"), """
					listener %d 127.0.0.1
					allow_anonymous true
					user %s
					persistence true
					persistence_location %s/
					max_queued_messages 100000
					log_dest file %s/mosquitto.log
					""".formatted(port, System.getProperty("user.name"), directory, directory));
			PrivateBroker broker = new PrivateBroker(directory, port);
			broker.launch();
			return broker;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot prepare a private mosquitto", ex);
		}
	}

	public String url() {
		return "tcp://127.0.0.1:" + port;
	}

	/** Stops the broker the way an operator would (SIGTERM: it saves its sessions and queues) and starts it again. */
	public void restart() {
		stop();
		launch();
	}

	private void launch() {
		String binary = System.getenv().getOrDefault("MOSQUITTO_BINARY", "/usr/sbin/mosquitto");
		try {
			process = new ProcessBuilder(binary, "-c", directory.resolve("mosquitto.conf").toString())
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("stdout.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + binary, ex);
		}
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException notYet) {
				if (!process.isAlive()) {
					break;
				}
				pause();
			}
		}
		throw new IllegalStateException("mosquitto did not start on port " + port + "; see " + directory);
	}

	private void stop() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops the broker and removes its temporary directory. */
	@Override
	public void close() {
		stop();
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			// A temporary directory left behind is no reason to fail a test.
		}
	}
}
