package org.openparking.api.bookings;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.openparking.api.ParkingApiApplication;
import org.openparking.api.security.LocalTokens;
import org.openparking.api.security.Role;
import org.openparking.api.support.GraphQlHttp;
import org.openparking.api.support.LotFixtures;
import org.openparking.api.support.LotFixtures.TestLot;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API node dies while a booking's payment is in flight; the next start finishes the pipeline from the durable
 * event publications: the booking ends CONFIRMED, charged once, confirmed once. This test starts and stops the
 * application itself, twice, on the test schema of the machine's PostgreSQL and Redis (application-test.yaml).
 */
class BookingRestartTest {

	@Test
	void anApiRestartWhileThePaymentIsInFlightLosesNothing() {
		Instant from = Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		String userId = "driver-" + UUID.randomUUID();
		// The provider answers tok_slow after 8s: long enough to stop the node while the charge is in flight.
		ConfigurableApplicationContext first = start("parking.payments.simulator.slow-delay=8s",
				"parking.payments.provider-timeout=30s");
		SingleConnectionDataSource connection = independentConnection(first);
		try {
			JdbcClient jdbc = JdbcClient.create(connection);
			String bookingId = bookSlowly(first, jdbc, userId, from);
			first.close();

			assertThat(bookingStatus(jdbc, bookingId)).isEqualTo("PENDING_PAYMENT");
			assertThat(paymentStatus(jdbc, bookingId)).as("the stopped node never heard the provider's answer")
				.isEqualTo("PENDING");

			try (ConfigurableApplicationContext second = start("parking.payments.simulator.slow-delay=1s",
					"parking.payments.provider-timeout=5s")) {
				String token = second.getBean(LocalTokens.class).mint(userId, Role.DRIVER);
				api(second).awaitStatus(token, bookingId, "CONFIRMED");
				awaitTrue("the pipeline's publications of this booking complete",
						() -> incompletePublications(jdbc, bookingId) == 0);
			}

			assertThat(jdbc.sql("select status from payment where booking_id = ?::uuid")
				.param(bookingId)
				.query(String.class)
				.list()).as("charged once").containsExactly("SUCCEEDED");
			assertThat(jdbc.sql("""
					select count(*) from event_publication where event_type like '%BookingStatusChanged'
					and serialized_event like ? and serialized_event like '%"status":"CONFIRMED"%'""")
				.param("%" + bookingId + "%")
				.query(Long.class)
				.single()).as("confirmed once").isEqualTo(1);
		}
		finally {
			first.close();
			connection.destroy();
		}
	}

	/** Books on the node and returns once the charge is recorded and waits for the provider. */
	private static String bookSlowly(ConfigurableApplicationContext node, JdbcClient jdbc, String userId,
			Instant from) {
		TestLot lot = new LotFixtures(jdbc).lot("operator-" + UUID.randomUUID(), 1);
		String token = node.getBean(LocalTokens.class).mint(userId, Role.DRIVER);
		String bookingId = api(node).book(token, lot.spotIds().getFirst(), from, from.plus(2, ChronoUnit.HOURS),
				"tok_slow");
		awaitTrue("the charge is in flight", () -> "PENDING".equals(paymentStatus(jdbc, bookingId)));
		return bookingId;
	}

	/** Properties as command-line arguments: they must beat application.yaml (its server.port, for one). */
	private static ConfigurableApplicationContext start(String... properties) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.hikari.maximum-pool-size=4",
				"--spring.datasource.hikari.minimum-idle=1"));
		Arrays.stream(properties).map(property -> "--" + property).forEach(arguments::add);
		return new SpringApplicationBuilder(ParkingApiApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

	private static BookingApi api(ConfigurableApplicationContext context) {
		return new BookingApi(new GraphQlHttp(context.getEnvironment().getProperty("local.server.port", Integer.class)));
	}

	/** A connection of the test's own, that outlives the application contexts. */
	private static SingleConnectionDataSource independentConnection(ConfigurableApplicationContext context) {
		var environment = context.getEnvironment();
		return new SingleConnectionDataSource(environment.getRequiredProperty("spring.datasource.url"),
				environment.getRequiredProperty("spring.datasource.username"),
				environment.getProperty("spring.datasource.password", ""), true);
	}

	private static String bookingStatus(JdbcClient jdbc, String bookingId) {
		return jdbc.sql("select status from booking where id = ?::uuid").param(bookingId).query(String.class).single();
	}

	private static String paymentStatus(JdbcClient jdbc, String bookingId) {
		return jdbc.sql("select status from payment where booking_id = ?::uuid")
			.param(bookingId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static long incompletePublications(JdbcClient jdbc, String bookingId) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
			.param("%" + bookingId + "%")
			.query(Long.class)
			.single();
	}

	private static void awaitTrue(String what, Supplier<Boolean> condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!condition.get()) {
			assertThat(Instant.now()).as("waiting until %s", what).isBefore(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}
}
