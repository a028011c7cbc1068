package org.openparking.api.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.openparking.api.lots.SpotClass;
import org.openparking.api.security.LocalTokens;
import org.openparking.api.security.Role;
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

/** searchSpots over real HTTP, PostgreSQL and Redis. */
@ApiIntegrationTest
@Import(SqlStatementCounter.Config.class) // the context of SearchBatchingTest: started once for all three classes
class SpotSearchTest {

	static final String SEARCH = """
			query Search($input: SpotSearchInput!, $first: Int, $after: String) {
			  searchSpots(input: $input, first: $first, after: $after) {
			    edges { cursor node {
			      pricePerHour { amountMinor currency } price { amountMinor currency } distanceMeters
			      spot { id code spotClass commercialState }
			      lot { id name distanceMeters }
			    } }
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			  }
			}""";

	static final String HOLD = """
			mutation Hold($input: HoldSpotInput!) {
			  holdSpot(input: $input) { hold { id } userErrors { code message } }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LocalTokens tokens;

	GraphQlHttp graphQl;

	LotFixtures lots;

	SearchFixtures fixtures;

	/** A 2-hour window the day after tomorrow, on the hour. */
	Instant from;

	Instant to;

	@BeforeEach
	void setUp() {
		graphQl = new GraphQlHttp(port);
		lots = new LotFixtures(jdbc);
		fixtures = new SearchFixtures(jdbc);
		from = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
		to = from.plus(Duration.ofHours(2));
	}

	@Test
	void findsOnlySpotsFreeForTheWholeWindowAndKeepsBackToBackOnes() {
		TestLot lot = lots.lot("operator-" + UUID.randomUUID(), 9);
		List<UUID> spot = lot.spotIds();
		fixtures.booking(lot, spot.get(0), from.plus(Duration.ofHours(1)), to.plus(Duration.ofHours(1)), "CONFIRMED");
		fixtures.booking(lot, spot.get(1), from.minus(Duration.ofHours(2)), from, "CONFIRMED");
		fixtures.booking(lot, spot.get(2), to, to.plus(Duration.ofHours(3)), "PENDING_PAYMENT");
		fixtures.booking(lot, spot.get(3), from, to, "CANCELLED");
		fixtures.session(lot, spot.get(4), Instant.now().minus(Duration.ofHours(1)), null, null);
		fixtures.session(lot, spot.get(5), Instant.now().minus(Duration.ofHours(1)), from, null);
		fixtures.session(lot, spot.get(5), Instant.now().minus(Duration.ofHours(9)), null, Instant.now().minus(Duration.ofHours(8)));
		fixtures.close(spot.get(6));
		fixtures.booking(lot, spot.get(8), from.minus(Duration.ofHours(1)), to.plus(Duration.ofHours(1)), "HELD");
		hold(spot.get(7), from.plus(Duration.ofMinutes(90)), to.plus(Duration.ofHours(1)));

		JsonNode page = search(Map.of("lotId", lot.id().toString()), null, null);

		// S001 booked, S005 in an open-ended session, S007 closed, S008 held, S009 in a HELD booking
		assertThat(codes(page)).containsExactly("S002", "S003", "S004", "S006");
		JsonNode offer = page.at("/edges/0/node");
		assertThat(offer.at("/pricePerHour/amountMinor").asInt()).isEqualTo(200);
		assertThat(offer.at("/price/amountMinor").asInt()).isEqualTo(400);
		assertThat(offer.at("/price/currency").asString()).isEqualTo("EUR");
		assertThat(offer.at("/spot/commercialState").asString()).isEqualTo("FREE");
		assertThat(offer.at("/lot/id").asString()).isEqualTo(lot.id().toString());
		assertThat(offer.get("distanceMeters").isNull()).isTrue();
	}

	@Test
	void filtersByClassAndMaximumHourlyPriceCheapestFirst() {
		TestLot lot = lots.lot("operator-" + UUID.randomUUID(), 2);
		fixtures.spot(lot, "E001", SpotClass.EV_CHARGING);
		fixtures.spot(lot, "E002", SpotClass.EV_CHARGING);
		fixtures.spot(lot, "A001", SpotClass.ACCESSIBLE);
		fixtures.spot(lot, "M001", SpotClass.MOTORCYCLE); // no tariff: cannot be priced, never offered
		fixtures.tariff(lot, SpotClass.EV_CHARGING, 350);
		fixtures.tariff(lot, SpotClass.ACCESSIBLE, 150);

		assertThat(codes(search(Map.of("lotId", lot.id().toString()), null, null)))
			.containsExactly("A001", "S001", "S002", "E001", "E002");
		JsonNode ev = search(Map.of("lotId", lot.id().toString(), "spotClasses", List.of("EV_CHARGING")), null, null);
		assertThat(codes(ev)).containsExactly("E001", "E002");
		assertThat(ev.at("/edges/0/node/pricePerHour/amountMinor").asInt()).isEqualTo(350);
		assertThat(ev.at("/edges/0/node/price/amountMinor").asInt()).isEqualTo(700);
		assertThat(codes(search(Map.of("lotId", lot.id().toString(), "maxPricePerHour", 200), null, null)))
			.containsExactly("A001", "S001", "S002");
		assertThat(codes(search(Map.of("lotId", lot.id().toString(), "maxPricePerHour", 149), null, null))).isEmpty();
		assertThat(codes(search(Map.of("lotId", lot.id().toString(), "spotClasses", List.of("MOTORCYCLE")), null, null)))
			.isEmpty();
	}

	@Test
	void radiusSearchFindsLotsInTheCircleNearestFirstAtEqualPrice() {
		double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
		double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
		TestLot near = lots.lot("operator-" + UUID.randomUUID(), 2);
		TestLot farther = lots.lot("operator-" + UUID.randomUUID(), 2);
		TestLot outside = lots.lot("operator-" + UUID.randomUUID(), 2);
		fixtures.moveTo(near, latitude + 0.002, longitude); // about 222 m north
		fixtures.moveTo(farther, latitude - 0.006, longitude); // about 667 m south
		fixtures.moveTo(outside, latitude + 0.03, longitude); // about 3.3 km north

		JsonNode page = search(Map.of("near", Map.of("latitude", latitude, "longitude", longitude), "radiusMeters", 1000),
				null, null);

		List<String> lotsInOrder = new ArrayList<>();
		page.get("edges").forEach(edge -> lotsInOrder.add(edge.at("/node/lot/id").asString()));
		assertThat(lotsInOrder).containsExactly(near.id().toString(), near.id().toString(), farther.id().toString(),
				farther.id().toString());
		JsonNode first = page.at("/edges/0/node");
		assertThat(first.get("distanceMeters").asDouble()).isBetween(215.0, 230.0);
		assertThat(first.at("/lot/distanceMeters").asDouble()).isEqualTo(first.get("distanceMeters").asDouble());
		assertThat(page.at("/edges/2/node/distanceMeters").asDouble()).isBetween(660.0, 675.0);
	}

	@Test
	void pagesWithCursorsInAStableOrderAndFillsPagesAroundHeldSpots() {
		TestLot lot = lots.lot("operator-" + UUID.randomUUID(), 25);
		hold(lot.spotIds().get(11), from, to);
		hold(lot.spotIds().get(12), from, to);

		List<String> seen = new ArrayList<>();
		List<Boolean> hasNext = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = search(Map.of("lotId", lot.id().toString()), 10, after);
			seen.addAll(codes(page));
			hasNext.add(page.at("/pageInfo/hasNextPage").asBoolean());
			assertThat(page.at("/pageInfo/hasPreviousPage").asBoolean()).isEqualTo(after != null);
			after = page.at("/pageInfo/endCursor").asString();
		}
		while (hasNext.getLast());

		List<String> expected = new ArrayList<>();
		for (int i = 1; i <= 25; i++) {
			if (i != 12 && i != 13) {
				expected.add("S%03d".formatted(i));
			}
		}
		assertThat(seen).containsExactlyElementsOf(expected);
		assertThat(hasNext).containsExactly(true, true, false);
	}

	@Test
	void availabilityCountsFreeSpotsPerClassForTheWholeWindow() {
		TestLot lot = lots.lot("operator-" + UUID.randomUUID(), 4);
		UUID ev1 = fixtures.spot(lot, "E001", SpotClass.EV_CHARGING);
		fixtures.spot(lot, "E002", SpotClass.EV_CHARGING);
		fixtures.booking(lot, lot.spotIds().get(0), from.minus(Duration.ofMinutes(30)), from.plus(Duration.ofMinutes(1)),
				"CHECKED_IN");
		fixtures.close(lot.spotIds().get(1));
		hold(lot.spotIds().get(2), to.minus(Duration.ofMinutes(15)), to.plus(Duration.ofHours(1)));
		fixtures.session(lot, ev1, Instant.now(), to.minus(Duration.ofMinutes(1)), null);

		JsonNode availability = graphQl.execute(null, """
				query Availability($lotId: ID!, $from: DateTime!, $to: DateTime!) {
				  availability(lotId: $lotId, from: $from, to: $to) {
				    lotId from to totalFree byClass { spotClass free total }
				  }
				}""", Map.of("lotId", lot.id().toString(), "from", from.toString(), "to", to.toString()))
			.at("/data/availability");

		assertThat(availability.get("lotId").asString()).isEqualTo(lot.id().toString());
		assertThat(Instant.parse(availability.get("from").asString())).isEqualTo(from);
		assertThat(availability.get("totalFree").asInt()).isEqualTo(2);
		assertThat(availability.get("byClass").toString()).isEqualTo("""
				[{"spotClass":"STANDARD","free":1,"total":4},{"spotClass":"EV_CHARGING","free":1,"total":2}]""");
	}

	@Test
	void commercialStateOfEverySpotComesFromItsClaims() {
		TestLot lot = lots.lot("operator-" + UUID.randomUUID(), 3);
		hold(lot.spotIds().get(1), Instant.now(), Instant.now().plus(Duration.ofHours(1)));

		JsonNode spots = graphQl.execute(null, """
				query Lot($id: ID!) { lot(id: $id) { levels { spots { code commercialState } } } }""",
				Map.of("id", lot.id().toString())).at("/data/lot/levels/0/spots");

		assertThat(spots.toString()).isEqualTo("""
				[{"code":"S001","commercialState":"FREE"},{"code":"S002","commercialState":"HELD"},\
				{"code":"S003","commercialState":"FREE"}]""");
	}

	private JsonNode search(Map<String, Object> input, Integer first, String after) {
		Map<String, Object> fullInput = new HashMap<>(input);
		fullInput.put("from", from.toString());
		fullInput.put("to", to.toString());
		Map<String, Object> variables = new HashMap<>();
		variables.put("input", fullInput);
		variables.put("first", first);
		variables.put("after", after);
		JsonNode response = graphQl.execute(null, SEARCH, variables);
		assertThat(response.has("errors")).as(response.toString()).isFalse();
		return response.at("/data/searchSpots");
	}

	private static List<String> codes(JsonNode page) {
		List<String> codes = new ArrayList<>();
		page.get("edges").forEach(edge -> codes.add(edge.at("/node/spot/code").asString()));
		return codes;
	}

	/** A live hold in Redis, placed the way a driver places it. */
	private void hold(UUID spot, Instant holdFrom, Instant holdTo) {
		JsonNode payload = graphQl.execute(tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER), HOLD,
				Map.of("input", Map.of("spotId", spot.toString(), "from", holdFrom.toString(), "to", holdTo.toString())))
			.at("/data/holdSpot");
		assertThat(payload.get("userErrors")).as(payload.toString()).isEmpty();
	}
}
