package org.openparking.api.bookings;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openparking.api.security.Role;
import org.openparking.api.support.LotFixtures.TestLot;
import org.openparking.api.support.PipelineIntegrationTest;
import org.openparking.api.support.SqlStatementCounter;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PipelineIntegrationTest
class MyBookingsTest extends BookingTestSupport {

	private static final Logger log = LoggerFactory.getLogger(MyBookingsTest.class);

	private static final String MY_BOOKINGS = """
			query($first: Int, $after: String, $status: [BookingStatus!]) {
			  myBookings(first: $first, after: $after, status: $status) {
			    edges { cursor node { %s lot { id name } spot { id code } } }
			    pageInfo { hasNextPage hasPreviousPage endCursor }
			  }
			}""".formatted(BookingApi.BOOKING_FIELDS);

	@Autowired
	SqlStatementCounter statements;

	private final Instant day = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	@Test
	void pagesRunNewestFirstAndFilterByStatus() {
		TestLot lot = lot(5);
		String driver = driver();
		List<String> booked = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			booked.add(api.bookConfirmed(driver, lot.spotIds().get(i), day, day.plus(1, ChronoUnit.HOURS)));
		}
		api.cancel(driver, booked.get(1), null, null);
		api.bookConfirmed(tokens.mint("someone-else", Role.DRIVER), lot.spotIds().get(0), day.plus(1, ChronoUnit.HOURS),
				day.plus(2, ChronoUnit.HOURS));

		JsonNode first = page(driver, 2, null, null);
		JsonNode second = page(driver, 2, first.path("pageInfo").path("endCursor").asString(), null);
		JsonNode third = page(driver, 2, second.path("pageInfo").path("endCursor").asString(), null);
		JsonNode cancelled = page(driver, 10, null, List.of("CANCELLED"));

		List<String> seen = new ArrayList<>();
		for (JsonNode page : List.of(first, second, third)) {
			page.path("edges").forEach(edge -> seen.add(edge.path("node").path("id").asString()));
		}
		assertThat(seen).containsExactlyElementsOf(booked.reversed());
		assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		assertThat(second.path("pageInfo").path("hasPreviousPage").asBoolean()).isTrue();
		assertThat(third.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
		assertThat(cancelled.path("edges")).singleElement()
			.satisfies(edge -> assertThat(edge.path("node").path("id").asString()).isEqualTo(booked.get(1)));
	}

	@Test
	void badPageArgumentsAreBadRequests() {
		String driver = driver();

		for (Map<String, Object> arguments : List.<Map<String, Object>>of(Map.of("first", 0), Map.of("first", 101),
				Map.of("after", "bm9wZQ"), Map.of("after", "%%%"))) {
			JsonNode response = api.execute(driver, MY_BOOKINGS, arguments);
			assertThat(response.path("errors").get(0).path("extensions").path("classification").asString())
				.as("%s", arguments)
				.isEqualTo("BAD_REQUEST");
		}
	}

	@Test
	void bookingsWithLotSpotAndPaymentsCostTheSameStatementsForTwoAsForTen() {
		Instant started = Instant.now();
		String fewDriver = bookedDriver(2);
		String manyDriver = bookedDriver(10);
		// Warm caches, so both measured queries meet the same state; and let the pipeline's last listeners finish,
		// so the counter hears only the query.
		page(fewDriver, 20, null, null);
		page(manyDriver, 20, null, null);
		awaitPipelineDone(started);

		long forTwo = fewestStatements(fewDriver);
		long forTen = fewestStatements(manyDriver);
		JsonNode few = page(fewDriver, 20, null, null);
		JsonNode many = page(manyDriver, 20, null, null);

		assertThat(few.path("edges").size()).isEqualTo(2);
		assertThat(many.path("edges").size()).isEqualTo(10);
		many.path("edges").forEach(edge -> {
			JsonNode node = edge.path("node");
			assertThat(node.path("lot").path("name").asString()).isNotBlank();
			assertThat(node.path("spot").path("code").asString()).isNotBlank();
			assertThat(node.path("payments").size()).isEqualTo(1);
		});
		log.info("myBookings with lot, spot and payments: {} SQL statements for 2 bookings, {} for 10", forTwo, forTen);
		assertThat(forTen).isEqualTo(forTwo);
	}

	/**
	 * The fewest statements of three runs of the page. The counter hears every thread, and a payment pipeline's
	 * listener can still write just after its publication completed (one run counted 6 statements for 2 bookings and
	 * 5 for 10); such a stray statement only adds, while an N+1 would show in every run.
	 */
	private long fewestStatements(String driver) {
		long fewest = Long.MAX_VALUE;
		for (int run = 0; run < 3; run++) {
			statements.reset();
			page(driver, 20, null, null);
			fewest = Math.min(fewest, statements.count());
		}
		return fewest;
	}

	private void awaitPipelineDone(Instant since) {
		Instant deadline = Instant.now().plusSeconds(20);
		while (pendingPublications(since) > 0 && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		assertThat(pendingPublications(since)).isZero();
	}

	private long pendingPublications(Instant since) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null and publication_date > ?")
			.param(java.sql.Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/** A driver with bookings spread over two lots, each confirmed and paid. */
	private String bookedDriver(int bookings) {
		List<TestLot> twoLots = List.of(lot(bookings),
				lot(bookings));
		String driver = driver();
		for (int i = 0; i < bookings; i++) {
			TestLot lot = twoLots.get(i % 2);
			api.bookConfirmed(driver, lot.spotIds().get(i), day, day.plus(1, ChronoUnit.HOURS));
		}
		return driver;
	}

	private JsonNode page(String token, int first, String after, List<String> status) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("first", first);
		variables.put("after", after);
		variables.put("status", status);
		return BookingApi.data(api.execute(token, MY_BOOKINGS, variables)).path("myBookings");
	}
}
