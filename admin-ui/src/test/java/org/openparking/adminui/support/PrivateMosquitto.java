package org.openparking.adminui.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * A mosquitto of the test's own, so its sensor readings reach only its own gateway (the machine's broker is shared
 * by other checkouts' gateways, which would dead-letter the test's devices). Fails when mosquitto is missing.
 */
public final class PrivateMosquitto implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path directory;

	private PrivateMosquitto(Process process, int port, Path directory) {
		this.process = process;
		this.port = port;
		this.directory = directory;
	}

	public static PrivateMosquitto start(int port) {
		String binary = System.getenv().getOrDefault("MOSQUITTO_BINARY", "/usr/sbin/mosquitto");
		if (!Files.isExecutable(Path.of(binary))) {
			throw new IllegalStateException("mosquitto not found at " + binary + " (apt-get install mosquitto)");
		}
		try {
			Path directory = Files.createTempDirectory("admin-ui-mosquitto");
			Path config = directory.resolve("mosquitto.conf");
			Files.writeString(config, """
					listener %d 127.0.0.1
					allow_anonymous true
					user %s
					persistence false
					log_dest file %s/mosquitto.log
					""".formatted(port, System.getProperty("user.name"), directory));
			Process process = new ProcessBuilder(binary, "-c", config.toString()).redirectErrorStream(true)
				.redirectOutput(directory.resolve("stdout.log").toFile())
				.start();
			PrivateMosquitto broker = new PrivateMosquitto(process, port, directory);
			broker.awaitListening();
			return broker;
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot start mosquitto", e);
		}
	}

	private void awaitListening() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (Instant.now().isBefore(deadline)) {
			try (Socket ignored = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException notYet) {
				if (!process.isAlive()) {
					throw new IllegalStateException("mosquitto exited on port " + port);
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(e);
				}
			}
		}
		throw new IllegalStateException("mosquitto did not listen on " + port);
	}

	public String url() {
		return "tcp://127.0.0.1:" + port;
	}

	/** Stops the broker and removes its temporary directory. */
	@Override
	public void close() {
		process.destroy();
		try {
			process.waitFor(10, TimeUnit.SECONDS);
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (IOException e) {
			// A temporary directory left behind is no reason to fail a test.
		}
	}
}
