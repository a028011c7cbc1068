package org.openparking.api.lots;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openparking.api.security.LocalTokens;
import org.openparking.api.security.Role;
import org.openparking.api.support.GraphQlHttp;
import org.openparking.api.support.SqlStatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.lots.LotAdminApi.lotInput;
import static org.openparking.api.lots.LotAdminApi.payload;
import static org.openparking.api.lots.LotAdminApi.standardSpots;
import static org.openparking.api.lots.LotAdminApi.tariffInput;

/** Every association is batched: the statements of one query do not grow with the number of lots or spots. */
@LotsIntegrationTest
class LotQueriesAreBatchedTest {

	private static final String DEEP = """
			query($near: GeoPointInput!) {
			  lots(near: $near, radiusMeters: 2000, first: 50) {
			    edges { node {
			      name
			      openingHours { dayOfWeek opens closes }
			      levels { code lot { name } spots { code lot { name } level { code } } }
			      tariffs { spotClass hourlyRate { amountMinor currency } }
			    } }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	LocalTokens tokens;

	@Autowired
	SqlStatementCounter statements;

	@Test
	void statementsDoNotGrowWithLotsOrSpots() {
		GraphQlHttp http = new GraphQlHttp(port);
		String operator = tokens.mint("operator-" + UUID.randomUUID(), Role.OPERATOR);
		Map<String, Object> twoLots = area(new LotAdminApi(http), operator, 2, 2);
		Map<String, Object> tenLots = area(new LotAdminApi(http), operator, 10, 5);

		long forTwo = fewestStatements(http, twoLots, 2, 2 * 2 * 2);
		long forTen = fewestStatements(http, tenLots, 10, 10 * 2 * 5);
		assertThat(forTen).as("statements for 2 lots with 8 spots: %d, for 10 lots with 100 spots: %d", forTwo, forTen)
			.isEqualTo(forTwo);
		assertThat(forTwo).isLessThanOrEqualTo(10);
	}

	/** Lots around a random point, each with two levels of {@code spotsPerLevel} spots and two tariffs. */
	private static Map<String, Object> area(LotAdminApi api, String operator, int lots, int spotsPerLevel) {
		double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
		double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
		for (int i = 0; i < lots; i++) {
			Map<String, Object> input = lotInput("Batched " + i, latitude + i * 0.0001, longitude);
			input.put("openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "opens", "07:00", "closes", "20:00")));
			String lotId = api.newLot(operator, input);
			api.newSpots(operator, lotId, "L0", standardSpots("A", spotsPerLevel));
			api.newSpots(operator, lotId, "L1", standardSpots("B", spotsPerLevel));
			payload(api.setTariff(operator, tariffInput(lotId, "STANDARD", 200, 2000L, null)), "setTariff");
			payload(api.setTariff(operator, tariffInput(lotId, "MOTORCYCLE", 100, null, null)), "setTariff");
		}
		return Map.of("latitude", latitude, "longitude", longitude);
	}

	/**
	 * The fewest statements of three runs: a scheduled job of another module may run a statement during one of them,
	 * but not during all three.
	 */
	private long fewestStatements(GraphQlHttp http, Map<String, Object> near, int lots, int spots) {
		return LongStream.range(0, 3).map(run -> {
			statements.reset();
			JsonNode response = http.execute(null, DEEP, Map.of("near", near));
			long count = statements.count();
			assertThat(response.path("errors").isMissingNode()).as("errors: %s", response).isTrue();
			JsonNode edges = response.path("data").path("lots").path("edges");
			assertThat(edges.size()).isEqualTo(lots);
			assertThat(edges.valueStream()
				.flatMap(edge -> edge.path("node").path("levels").valueStream())
				.mapToInt(level -> level.path("spots").size())
				.sum()).isEqualTo(spots);
			JsonNode spot = edges.path(0).path("node").path("levels").path(1).path("spots").path(0);
			assertThat(spot.path("level").path("code").asString()).isEqualTo("L1");
			assertThat(spot.path("lot").path("name").asString()).startsWith("Batched");
			assertThat(edges.path(0).path("node").path("tariffs").size()).isEqualTo(2);
			return count;
		}).min().orElseThrow();
	}
}
