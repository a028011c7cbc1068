package org.openparking.api.lots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openparking.api.security.LocalTokens;
import org.openparking.api.security.Role;
import org.openparking.api.support.GraphQlHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openparking.api.lots.LotAdminApi.errorType;
import static org.openparking.api.lots.LotAdminApi.lotInput;

@LotsIntegrationTest
class LotSearchTest {

	private static final String NEAR = """
			query($near: GeoPointInput, $radius: Int, $first: Int, $after: String) {
			  lots(near: $near, radiusMeters: $radius, first: $first, after: $after) {
			    edges { cursor node { id name distanceMeters } }
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			  }
			}""";

	private static final String MANAGED = """
			query($first: Int, $after: String) {
			  managedLots(first: $first, after: $after) {
			    edges { node { id name } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	/** Metres per degree of latitude on the sphere the search uses. */
	private static final double METERS_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

	@LocalServerPort
	int port;

	@Autowired
	LocalTokens tokens;

	GraphQlHttp http;

	LotAdminApi api;

	String operator;

	@BeforeEach
	void setUp() {
		http = new GraphQlHttp(port);
		api = new LotAdminApi(http);
		operator = tokens.mint("operator-" + UUID.randomUUID(), Role.OPERATOR);
	}

	@Test
	void nearestFirstWithinTheRadiusPagedByCursor() {
		double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
		double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
		String tag = UUID.randomUUID().toString();
		// Created out of order; 6 km north is outside the 5 km radius.
		List<String> ids = new ArrayList<>();
		for (double meters : new double[] { 2000, 100, 6000, 500, 4900 }) {
			ids.add(api.newLot(operator, lotInput(tag + " " + meters, latitude + meters / METERS_PER_DEGREE, longitude)));
		}
		Map<String, Object> near = Map.of("latitude", latitude, "longitude", longitude);

		JsonNode first = lots(Map.of("near", near, "radius", 5000, "first", 2));
		assertThat(LotAdminApi.names(first)).containsExactly(tag + " 100.0", tag + " 500.0");
		assertThat(first.path("edges").path(0).path("node").path("distanceMeters").asDouble()).isCloseTo(100,
				within(0.5));
		assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		assertThat(first.path("pageInfo").path("hasPreviousPage").asBoolean()).isFalse();

		JsonNode second = lots(Map.of("near", near, "radius", 5000, "first", 2, "after",
				first.path("pageInfo").path("endCursor").asString()));
		assertThat(LotAdminApi.names(second)).containsExactly(tag + " 2000.0", tag + " 4900.0");
		assertThat(second.path("pageInfo").path("hasPreviousPage").asBoolean()).isTrue();
		assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
		assertThat(second.path("edges").path(1).path("node").path("distanceMeters").asDouble()).isCloseTo(4900,
				within(0.5));

		JsonNode all = lots(Map.of("near", near, "radius", 6100));
		assertThat(LotAdminApi.names(all)).hasSize(5).last().isEqualTo(tag + " 6000.0");
	}

	@Test
	void radiusSearchCrossesTheAntimeridian() {
		double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
		String tag = UUID.randomUUID().toString();
		api.newLot(operator, lotInput(tag + " east", latitude, 179.999));
		api.newLot(operator, lotInput(tag + " west", latitude, -179.9995));
		JsonNode found = lots(Map.of("near", Map.of("latitude", latitude, "longitude", 180.0), "radius", 1000));
		assertThat(LotAdminApi.names(found)).containsExactly(tag + " west", tag + " east");
	}

	@Test
	void badArgumentsAreBadRequests() {
		Map<String, Object> near = Map.of("latitude", 52.5, "longitude", 13.4);
		assertThat(errorType(http.execute(null, NEAR, Map.of("near", near)))).isEqualTo("BAD_REQUEST");
		assertThat(errorType(http.execute(null, NEAR, Map.of("near", near, "radius", 50_001))))
			.isEqualTo("BAD_REQUEST");
		assertThat(errorType(http.execute(null, NEAR, Map.of("near", near, "radius", 0)))).isEqualTo("BAD_REQUEST");
		assertThat(errorType(http.execute(null, NEAR, Map.of("radius", 1000)))).isEqualTo("BAD_REQUEST");
		assertThat(errorType(http.execute(null, NEAR,
				Map.of("near", Map.of("latitude", 95.0, "longitude", 13.4), "radius", 1000))))
			.isEqualTo("BAD_REQUEST");
		assertThat(errorType(http.execute(null, NEAR, Map.of("first", 0)))).isEqualTo("BAD_REQUEST");
		assertThat(errorType(http.execute(null, NEAR, Map.of("first", 101)))).isEqualTo("BAD_REQUEST");
		assertThat(errorType(http.execute(null, NEAR, Map.of("after", "bm9wZQ")))).isEqualTo("BAD_REQUEST");
		assertThat(errorType(http.execute(null, NEAR, Map.of("after", "%%%")))).isEqualTo("BAD_REQUEST");
		assertThat(errorType(http.execute(null, "{ lot(id: \"nope\") { id } }"))).isEqualTo("BAD_REQUEST");
	}

	@Test
	void anOperatorManagesOnlyTheirOwnLotsPagedByName() {
		String tag = UUID.randomUUID().toString();
		for (String name : new String[] { "c", "a", "b" }) {
			api.newLot(operator, lotInput(tag + " " + name, 52.5, 13.4));
		}
		api.newLot(tokens.mint("operator-" + UUID.randomUUID(), Role.OPERATOR), lotInput(tag + " other", 52.5, 13.4));

		JsonNode first = managedLots(operator, Map.of("first", 2));
		assertThat(LotAdminApi.names(first)).containsExactly(tag + " a", tag + " b");
		assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		JsonNode rest = managedLots(operator, Map.of("after", first.path("pageInfo").path("endCursor").asString()));
		assertThat(LotAdminApi.names(rest)).containsExactly(tag + " c");

		JsonNode admins = managedLots(tokens.mint("admin", Role.ADMIN),
				Map.of("first", 2, "after", first.path("pageInfo").path("endCursor").asString()));
		assertThat(LotAdminApi.names(admins)).containsExactly(tag + " c", tag + " other");
		assertThat(errorType(http.execute(tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER), MANAGED,
				Map.of()))).isEqualTo("FORBIDDEN");
		assertThat(errorType(http.execute(null, MANAGED, Map.of()))).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void anUnknownLotIsNull() {
		JsonNode response = http.execute(null, "query($id: ID!) { lot(id: $id) { id } }",
				Map.of("id", UUID.randomUUID().toString()));
		assertThat(response.path("errors").isMissingNode()).isTrue();
		assertThat(response.path("data").path("lot").isNull()).isTrue();
	}

	private JsonNode managedLots(String token, Map<String, Object> variables) {
		JsonNode response = http.execute(token, MANAGED, variables);
		assertThat(response.path("errors").isMissingNode()).as("errors: %s", response).isTrue();
		return response.path("data").path("managedLots");
	}

	private JsonNode lots(Map<String, Object> variables) {
		JsonNode response = http.execute(null, NEAR, variables);
		assertThat(response.path("errors").isMissingNode()).as("errors: %s", response).isTrue();
		return response.path("data").path("lots");
	}
}
