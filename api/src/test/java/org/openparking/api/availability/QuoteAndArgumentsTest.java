package org.openparking.api.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.GraphQlHttp;
import org.openparking.api.support.LotFixtures;
import org.openparking.api.support.LotFixtures.TestLot;
import org.openparking.api.support.SqlStatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** quote's user errors and the BAD_REQUEST errors of searchSpots and availability, over real HTTP. */
@ApiIntegrationTest
@Import(SqlStatementCounter.Config.class) // the same context as SpotSearchTest: started once for both
class QuoteAndArgumentsTest {

	static final String QUOTE = """
			query Quote($input: QuoteInput!) {
			  quote(input: $input) {
			    quote { lotId spotClass from to price { amountMinor currency }
			            tariff { spotClass hourlyRate { amountMinor } dailyMaximum { amountMinor } minimumCharge { amountMinor } } }
			    userErrors { code message field }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	GraphQlHttp graphQl;

	TestLot lot;

	Instant from;

	@BeforeEach
	void setUp() {
		graphQl = new GraphQlHttp(port);
		lot = new LotFixtures(jdbc).lot("operator-" + UUID.randomUUID(), 1);
		from = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
	}

	@Test
	void quotePricesAWindowByTheLotsTariff() {
		JsonNode result = quote(lot.id().toString(), "STANDARD", from, from.plus(Duration.ofMinutes(150)));

		assertThat(result.get("userErrors")).isEmpty();
		assertThat(result.at("/quote/lotId").asString()).isEqualTo(lot.id().toString());
		assertThat(result.at("/quote/price/amountMinor").asInt()).isEqualTo(500);
		assertThat(result.at("/quote/price/currency").asString()).isEqualTo("EUR");
		assertThat(result.at("/quote/tariff").toString()).isEqualTo("""
				{"spotClass":"STANDARD","hourlyRate":{"amountMinor":200},"dailyMaximum":{"amountMinor":2000},\
				"minimumCharge":{"amountMinor":100}}""");
		assertThat(quote(lot.id().toString(), "STANDARD", from, from.plus(Duration.ofDays(2)))
			.at("/quote/price/amountMinor")
			.asInt()).as("capped per day").isEqualTo(4000);
		assertThat(quote(lot.id().toString(), "STANDARD", from, from.plus(Duration.ofMinutes(10)))
			.at("/quote/price/amountMinor")
			.asInt()).as("minimum charge").isEqualTo(100);
	}

	@Test
	void quoteReportsUserErrors() {
		assertUserError(quote(UUID.randomUUID().toString(), "STANDARD", from, from.plus(Duration.ofHours(1))),
				"NOT_FOUND", "lotId");
		assertUserError(quote("not-a-lot", "STANDARD", from, from.plus(Duration.ofHours(1))), "NOT_FOUND", "lotId");
		assertUserError(quote(lot.id().toString(), "EV_CHARGING", from, from.plus(Duration.ofHours(1))),
				"TARIFF_MISSING", "spotClass");
		assertUserError(quote(lot.id().toString(), "STANDARD", from, from), "INVALID_WINDOW", "to");
		assertUserError(quote(lot.id().toString(), "STANDARD", from.minus(Duration.ofDays(2)), from),
				"INVALID_WINDOW", "from");
		assertUserError(quote(lot.id().toString(), "STANDARD", from, from.plus(Duration.ofDays(8))), "INVALID_WINDOW",
				"to");
	}

	@Test
	void searchRejectsBadArgumentsAsBadRequest() {
		Map<String, Object> near = Map.of("latitude", 52.5, "longitude", 13.4);
		String lotId = lot.id().toString();
		assertBadSearch(Map.of("lotId", lotId, "near", near, "radiusMeters", 500), null, null, "not both");
		assertBadSearch(Map.of(), null, null, "Give either lotId, or near with radiusMeters");
		assertBadSearch(Map.of("near", near), null, null, "radiusMeters is required with near");
		assertBadSearch(Map.of("near", near, "radiusMeters", 50_001), null, null, "radiusMeters must be between 1 and 50000");
		assertBadSearch(Map.of("near", Map.of("latitude", 91, "longitude", 0), "radiusMeters", 100), null, null,
				"latitude in [-90, 90]");
		assertBadSearch(Map.of("lotId", "nope"), null, null, "Not a lot id: nope");
		assertBadSearch(Map.of("lotId", UUID.randomUUID().toString()), null, null, "No lot with id");
		assertBadSearch(Map.of("lotId", lotId, "maxPricePerHour", -1), null, null, "maxPricePerHour must not be negative");
		assertBadSearch(Map.of("lotId", lotId), 0, null, "first must be between 1 and 100");
		assertBadSearch(Map.of("lotId", lotId), 101, null, "first must be between 1 and 100");
		assertBadSearch(Map.of("lotId", lotId), 10, "%%%", "Malformed cursor");
		assertBadSearch(Map.of("lotId", lotId), 10, "bm90LWEta2V5", "Malformed cursor");
		assertBadSearch(window(Map.of("lotId", lotId), from, from), null, null, "from must be before to");
		assertBadSearch(window(Map.of("lotId", lotId), from.minus(Duration.ofDays(2)), from), null, null,
				"from must not be in the past");
		assertBadSearch(window(Map.of("lotId", lotId), from, from.plus(Duration.ofDays(8))), null, null,
				"The window must not be longer than 7 days");
		assertBadSearch(window(Map.of("lotId", lotId), from.plus(Duration.ofDays(91)), from.plus(Duration.ofDays(92))),
				null, null, "from must be at most 90 days ahead");
	}

	@Test
	void availabilityRejectsBadArgumentsAsBadRequest() {
		String document = """
				query Availability($lotId: ID!, $from: DateTime!, $to: DateTime!) {
				  availability(lotId: $lotId, from: $from, to: $to) { totalFree }
				}""";
		assertBadRequest(graphQl.execute(null, document, Map.of("lotId", lot.id().toString(), "from",
				from.toString(), "to", from.minus(Duration.ofHours(1)).toString())), "from must be before to");
		assertBadRequest(graphQl.execute(null, document, Map.of("lotId", UUID.randomUUID().toString(), "from",
				from.toString(), "to", from.plus(Duration.ofHours(1)).toString())), "No lot with id");
	}

	private JsonNode quote(String lotId, String spotClass, Instant quoteFrom, Instant quoteTo) {
		JsonNode response = graphQl.execute(null, QUOTE, Map.of("input", Map.of("lotId", lotId, "spotClass", spotClass,
				"from", quoteFrom.toString(), "to", quoteTo.toString())));
		assertThat(response.has("errors")).as(response.toString()).isFalse();
		return response.at("/data/quote");
	}

	private static void assertUserError(JsonNode result, String code, String field) {
		assertThat(result.get("quote").isNull()).isTrue();
		assertThat(result.at("/userErrors/0/code").asString()).isEqualTo(code);
		assertThat(result.at("/userErrors/0/message").asString()).isNotBlank();
		assertThat(result.at("/userErrors/0/field").toString()).isEqualTo("[\"input\",\"" + field + "\"]");
	}

	private Map<String, Object> window(Map<String, Object> input, Instant windowFrom, Instant windowTo) {
		Map<String, Object> withWindow = new HashMap<>(input);
		withWindow.put("from", windowFrom.toString());
		withWindow.put("to", windowTo.toString());
		return withWindow;
	}

	private void assertBadSearch(Map<String, Object> input, Integer first, String after, String message) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("input", input.containsKey("from") ? input
				: window(input, from, from.plus(Duration.ofHours(1))));
		variables.put("first", first);
		variables.put("after", after);
		assertBadRequest(graphQl.execute(null, """
				query Search($input: SpotSearchInput!, $first: Int, $after: String) {
				  searchSpots(input: $input, first: $first, after: $after) { edges { cursor } }
				}""", variables), message);
	}

	private static void assertBadRequest(JsonNode response, String message) {
		assertThat(response.at("/errors/0/extensions/classification").asString()).as(response.toString())
			.isEqualTo("BAD_REQUEST");
		assertThat(response.at("/errors/0/message").asString()).contains(message);
	}
}
