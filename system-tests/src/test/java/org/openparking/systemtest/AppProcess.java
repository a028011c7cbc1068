package org.openparking.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One service of the system as a child JVM: the built executable jar, its output captured in a log file, ready when
 * its health endpoint answers 200. Killed with the test JVM at the latest (a shutdown hook), so no orphan keeps a
 * port or a broker session. Other modules' tests that need the real services (the admin UI's browser test) use it
 * through this module's test-jar.
 */
public final class AppProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private final Thread killer;

	private AppProcess(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
		this.killer = new Thread(process::destroyForcibly, "kill-" + name);
		Runtime.getRuntime().addShutdownHook(killer);
	}

	/**
	 * Runs {@code java [jvmOptions] -jar jar [args]} with the JDK running the tests (25, via the Maven toolchain).
	 * @param args Spring Boot command-line arguments; they win over application.yaml and the environment
	 */
	public static AppProcess start(String name, Path jar, int port, Path logDir, List<String> jvmOptions,
			List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.addAll(args);
		try {
			Files.createDirectories(logDir);
			Path log = logDir.resolve(name + ".log");
			Files.writeString(log, String.join(" ", command) + System.lineSeparator());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			return new AppProcess(name, port, log, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
		}
	}

	/** Waits until {@code healthPath} answers 200; fails at once when the process dies, with the end of its log. */
	public void awaitHealthy(String healthPath, Duration timeout) {
		URI health = health(healthPath);
		await(() -> answers200(health), "healthy at " + health, timeout);
	}

	/** Waits until the log has a line containing {@code fragment}, or the service is healthy anyway. */
	void awaitLogOrHealthy(String fragment, String healthPath, Duration timeout) {
		URI health = health(healthPath);
		await(() -> logContains(fragment) || answers200(health), "logging '" + fragment + "'", timeout);
	}

	private void await(BooleanSupplier done, String what, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError(name + " exited with " + process.exitValue() + " while starting; "
						+ "its log " + log + " ends with:\n" + logTail());
			}
			if (done.getAsBoolean()) {
				return;
			}
			pause();
		}
		throw new AssertionError(name + " not " + what + " within " + timeout + "; its log " + log + " ends with:\n"
				+ logTail());
	}

	private URI health(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private boolean logContains(String fragment) {
		try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
			return lines.anyMatch(line -> line.contains(fragment));
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
	}

	public int port() {
		return port;
	}

	public Path log() {
		return log;
	}

	/** The executable jar of a module of this checkout, as {@code ./mvnw package} left it. */
	public static Path jar(String module) {
		Path target = Path.of(System.getProperty("parking.root", "..")).resolve(module).resolve("target");
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-SNAPSHOT.jar")) {
			for (Path jar : jars) {
				return jar.toAbsolutePath().normalize();
			}
		}
		catch (IOException ex) {
			// reported below
		}
		throw new AssertionError("No " + module + "-*-SNAPSHOT.jar in " + target.toAbsolutePath().normalize()
				+ ": build it first (./mvnw -B verify from the root packages it before the system tests run)");
	}

	@Override
	public void close() {
		stop();
	}

	/** A graceful stop (SIGTERM), forced after a few seconds. Stopping twice is harmless. */
	public void stop() {
		process.destroy();
		try {
			if (!process.waitFor(15, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(killer);
		}
		catch (IllegalStateException shuttingDown) {
			// the hook runs anyway
		}
	}

	String logTail() {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(log unreadable: " + ex + ")";
		}
	}

	private static boolean answers200(URI uri) {
		try {
			return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
