package org.openparking.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The built system as child processes: the api and the sensor gateway executable jars, on free ports, against the
 * local PostgreSQL (their own schema, dropped and migrated afresh per run), Redis and Mosquitto.
 * <p>
 * Use it as a JUnit 5 extension, which starts it before the class's tests and stops it after them:
 * <pre>{@code
 * @RegisterExtension
 * static final RunningSystem system = RunningSystem.builder().gatewayArg("--parking.gateway.debounce=1s").build();
 * }</pre>
 * or call {@link #start()} and {@link #close()} yourself. Logs go to {@code target/system-tests/<schema>-*.log}.
 * <p>
 * Environment: {@code PARKING_TEST_SCHEMA} (schema {@code <it>_<suffix>}, default {@code system_test_sys}),
 * {@code PARKING_TEST_REDIS_DATABASE} (default 0; nothing is flushed, every run uses fresh ids),
 * {@code PARKING_SYSTEM_TEST_MQTT_URL} (default {@code tcp://127.0.0.1:1883}).
 */
public final class RunningSystem implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

	private static final Duration STARTUP = Duration.ofMinutes(2);

	private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/test";

	/** Faster start, smaller footprint: tests are short and the machine is shared. */
	private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m",
			"-Xss512k");

	private final Builder options;

	private final String schema;

	private final int redisDatabase;

	private final String mqttUrl;

	private final String jwtSecret = "system-test-" + UUID.randomUUID() + UUID.randomUUID();

	private final Tokens tokens;

	private AppProcess api;

	private AppProcess gateway;

	private RunningSystem(Builder options) {
		this.options = options;
		this.schema = env("PARKING_TEST_SCHEMA", "system_test") + "_" + options.schemaSuffix;
		this.redisDatabase = Integer.parseInt(env("PARKING_TEST_REDIS_DATABASE", "0"));
		this.mqttUrl = env("PARKING_SYSTEM_TEST_MQTT_URL", "tcp://127.0.0.1:1883");
		this.tokens = new Tokens(jwtSecret, "parking-local");
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Recreates the schema, starts the api (which migrates it), then the gateway; waits until both are healthy. */
	public RunningSystem start() {
		TestSchema.recreate(DATABASE, "postgres", "", schema);
		Path logs = Path.of(System.getProperty("parking.system-test.logs", "target/system-tests"));
		List<String> shared = List.of("--spring.datasource.url=" + DATABASE + "?currentSchema=" + schema,
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--spring.flyway.schemas=" + schema, "--spring.datasource.hikari.maximum-pool-size=6",
				"--spring.datasource.hikari.minimum-idle=1", "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.database=" + redisDatabase, "--spring.lifecycle.timeout-per-shutdown-phase=3s");
		try {
			api = AppProcess.start(schema + "-api", AppProcess.jar("api"), freePort(), logs, JVM_OPTIONS,
					concat(shared, List.of("--parking.security.jwt.secret=" + jwtSecret), options.apiArgs));
			if (options.withGateway) {
				// The gateway needs the tables, not the whole api: it starts once the api's Flyway has migrated, and
				// the two finish starting side by side.
				api.awaitLogOrHealthy("Successfully applied", "/actuator/health/readiness", STARTUP);
				// Its own client id and shared group: gateways of other checkouts on the same broker get a copy of
				// each uplink, never this system's share of it.
				String instance = "system-test-" + UUID.randomUUID();
				gateway = AppProcess.start(schema + "-sensor-gateway", AppProcess.jar("sensor-gateway"),
						freePort(), logs, JVM_OPTIONS,
						concat(shared, List.of("--parking.gateway.mqtt.url=" + mqttUrl,
								"--parking.gateway.mqtt.client-id=" + instance,
								"--parking.gateway.mqtt.shared-group=" + instance,
								"--parking.gateway.mqtt.leave-on-shutdown=true",
								"--parking.gateway.mqtt.session-expiry=5m", "--parking.gateway.debounce=1s",
								// The api has just migrated the schema; a gateway jar that Maven did not repackage since
								// the last new migration would otherwise refuse the schema as "not resolved locally".
								"--spring.flyway.enabled=false",
								"--parking.gateway.sweep.interval=100ms", "--parking.gateway.ingest.lanes=2",
								"--parking.gateway.devices.unknown-ttl=1s", "--parking.gateway.devices.cache-ttl=2s"),
								options.gatewayArgs));
			}
			api.awaitHealthy("/actuator/health/readiness", STARTUP);
			if (gateway != null) {
				// The whole health, not only readiness: UP only once subscribed to the broker.
				gateway.awaitHealthy("/actuator/health", STARTUP);
			}
			return this;
		}
		catch (RuntimeException | AssertionError ex) {
			close();
			throw ex;
		}
	}

	/** Stops the gateway, then the api. */
	@Override
	public void close() {
		if (gateway != null) {
			gateway.stop();
			gateway = null;
		}
		if (api != null) {
			api.stop();
			api = null;
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	public URI graphQlUrl() {
		return URI.create("http://127.0.0.1:" + api.port() + "/graphql");
	}

	public URI graphQlWebSocketUrl() {
		return URI.create("ws://127.0.0.1:" + api.port() + "/graphql");
	}

	public int apiPort() {
		return api.port();
	}

	/** Empty when started without the gateway. */
	public Optional<Integer> gatewayPort() {
		return Optional.ofNullable(gateway).map(AppProcess::port);
	}

	public String mqttUrl() {
		return mqttUrl;
	}

	public String schema() {
		return schema;
	}

	/** JDBC URL of the system's schema, for assertions on what was stored. */
	public String jdbcUrl() {
		return DATABASE + "?currentSchema=" + schema;
	}

	public int redisDatabase() {
		return redisDatabase;
	}

	/** A bearer token the api accepts, e.g. {@code token("alice", "OPERATOR")}. */
	public String token(String subject, String... roles) {
		return tokens.mint(subject, roles);
	}

	public GraphQlClient graphQl() {
		return new GraphQlClient(graphQlUrl());
	}

	/** A new graphql-transport-ws connection; close it when done. */
	public GraphQlSubscriptions subscriptions(String token) {
		return new GraphQlSubscriptions(graphQlWebSocketUrl(), token);
	}

	public Path apiLog() {
		return api.log();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The arguments in order, a later one replacing an earlier one of the same property: Spring Boot would join two
	 * values of one property with a comma instead.
	 */
	@SafeVarargs
	private static List<String> concat(List<String>... parts) {
		Map<String, String> byName = new LinkedHashMap<>();
		for (List<String> part : parts) {
			for (String arg : part) {
				int equals = arg.indexOf('=');
				byName.remove(equals < 0 ? arg : arg.substring(0, equals));
				byName.put(equals < 0 ? arg : arg.substring(0, equals), arg);
			}
		}
		return new ArrayList<>(byName.values());
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/** What differs between system tests; everything else is the shared test-friendly setup above. */
	public static final class Builder {

		private final List<String> apiArgs = new ArrayList<>();

		private final List<String> gatewayArgs = new ArrayList<>();

		private String schemaSuffix = "sys";

		private boolean withGateway = true;

		private Builder() {
		}

		/** A Spring Boot argument for the api, e.g. {@code --parking.holds.ttl=30s}; it wins over the defaults here. */
		public Builder apiArg(String arg) {
			apiArgs.add(arg);
			return this;
		}

		/** A Spring Boot argument for the gateway, e.g. {@code --parking.gateway.debounce=0s}. */
		public Builder gatewayArg(String arg) {
			gatewayArgs.add(arg);
			return this;
		}

		/** Another schema ({@code <PARKING_TEST_SCHEMA>_<suffix>}), for a second system in the same run. */
		public Builder schemaSuffix(String suffix) {
			this.schemaSuffix = suffix;
			return this;
		}

		/** The api alone. */
		public Builder withoutGateway() {
			this.withGateway = false;
			return this;
		}

		public RunningSystem build() {
			return new RunningSystem(this);
		}
	}
}
