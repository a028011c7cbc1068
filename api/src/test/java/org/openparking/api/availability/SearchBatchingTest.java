package org.openparking.api.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/** No N+1 in searchSpots: every field of an offer is resolved per page, not per offer. */
@ApiIntegrationTest
@Import(SqlStatementCounter.Config.class)
class SearchBatchingTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SqlStatementCounter statements;

	@Test
	void searchCostsTheSameStatementsForFiveAndFiftyOffers() {
		GraphQlHttp graphQl = new GraphQlHttp(port);
		LotFixtures lots = new LotFixtures(jdbc);
		Instant from = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
		Instant to = from.plus(Duration.ofHours(2));
		TestLot five = lots.lot("operator-" + UUID.randomUUID(), 5);
		TestLot fifty = lots.lot("operator-" + UUID.randomUUID(), 50);
		String document = """
				query Search($input: SpotSearchInput!) {
				  searchSpots(input: $input, first: 50) { edges { node {
				    spot { code level { code } lot { name } commercialState }
				    lot { name }
				  } } }
				}""";
		Map<String, Long> cost = new HashMap<>();
		for (TestLot lot : List.of(five, fifty)) {
			Map<String, Object> variables = Map.of("input",
					Map.of("lotId", lot.id().toString(), "from", from.toString(), "to", to.toString()));
			graphQl.execute(null, document, variables); // loads the lot into caches and Redis
			// The counter also sees background jobs (the hold sweeper reads lot ids every second): they only add, so
			// the least of a few runs is the query's own cost.
			long least = Long.MAX_VALUE;
			for (int run = 0; run < 3; run++) {
				statements.reset();
				JsonNode response = graphQl.execute(null, document, variables);
				least = Math.min(least, statements.count());
				assertThat(response.has("errors")).as(response.toString()).isFalse();
				assertThat(response.at("/data/searchSpots/edges")).hasSize(lot.spotIds().size());
				assertThat(response.at("/data/searchSpots/edges/0/node/spot/level/code").asString()).isEqualTo("L0");
			}
			cost.put(lot == five ? "five" : "fifty", least);
		}
		assertThat(cost.get("fifty")).isEqualTo(cost.get("five")).isPositive();
	}
}
