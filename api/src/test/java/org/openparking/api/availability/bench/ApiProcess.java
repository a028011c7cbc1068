package org.openparking.api.availability.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.openparking.api.ParkingApiApplication;

/**
 * The API as it runs in production: its own JVM, started from the main classpath (the test classes left out, so no
 * test configuration is picked up), on a free port, against the benchmark's schema.
 */
final class ApiProcess implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofMinutes(10);

	private final Process process;

	private final int port;

	private final Path log;

	private ApiProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	static ApiProcess start(BenchOptions options) throws IOException, InterruptedException {
		int port = freePort();
		String url = options.jdbcUrl() + (options.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema="
				+ options.schema();
		String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Path log = Path.of("target", "bench-search-api.log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		// A fixed heap, as bin/run gives the API: with -Xmx1g alone G1 kept the heap at 240 MB and ran a concurrent mark
		// every 4 s, each slowing the searches of the next 150-200 ms (p99 9.9-13.2 ms in six runs; 7.0, 11.8 and 9.9 ms
		// in three with -Xms1g).
		List<String> command = new ArrayList<>(List.of(java, "-Xms1g", "-Xmx1g"));
		// BENCH_API_JAVA_OPTS: e.g. a flight recording of the API while it is measured.
		command.addAll(Arrays.asList(System.getenv().getOrDefault("BENCH_API_JAVA_OPTS", "").split("\\s+")));
		command.removeIf(String::isBlank);
		command.addAll(List.of("-cp", classpath, ParkingApiApplication.class.getName(), "--server.port=" + port,
				"--spring.datasource.url=" + url, "--spring.flyway.schemas=" + options.schema(),
				"--spring.data.redis.database=" + options.redisDatabase()));
		Process process = new ProcessBuilder(command)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		ApiProcess api = new ApiProcess(process, port, log);
		api.awaitReady();
		return api;
	}

	int port() {
		return port;
	}

	long pid() {
		return process.pid();
	}

	private void awaitReady() throws InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.build();
		Instant deadline = Instant.now().plus(STARTUP);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The API exited during startup; see " + log);
			}
			try {
				if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		close();
		throw new IllegalStateException("The API was not ready within " + STARTUP + "; see " + log);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}
