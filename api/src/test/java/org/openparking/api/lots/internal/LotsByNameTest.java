package org.openparking.api.lots.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openparking.api.lots.LotAdminApi;
import org.openparking.api.lots.LotsIntegrationTest;
import org.openparking.api.security.LocalTokens;
import org.openparking.api.security.Role;
import org.openparking.api.shared.graphql.Cursors;
import org.openparking.api.support.GraphQlHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Other tests leave their lots in the same table, so this one starts from a cursor placed just before its own unique
 * name prefix: the pages after it are exactly its lots, in name order.
 */
@LotsIntegrationTest
class LotsByNameTest {

	private static final String BY_NAME = """
			query($first: Int, $after: String) {
			  lots(first: $first, after: $after) {
			    edges { node { name distanceMeters } }
			    pageInfo { hasNextPage hasPreviousPage endCursor }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	LocalTokens tokens;

	@Test
	void lotsWithoutNearAreOrderedByNameAndPagedByCursor() {
		GraphQlHttp http = new GraphQlHttp(port);
		LotAdminApi api = new LotAdminApi(http);
		String operator = tokens.mint("operator-" + UUID.randomUUID(), Role.OPERATOR);
		String prefix = "Name order " + UUID.randomUUID();
		for (String suffix : List.of(" B", " C", " A", " A")) {
			api.newLot(operator, LotAdminApi.lotInput(prefix + suffix, 52.5, 13.4));
		}
		String start = Cursors.encode(new LotCursor(LotCursor.FIRST_ID, prefix).encode());

		JsonNode first = page(http, start);
		assertThat(LotAdminApi.names(first)).containsExactly(prefix + " A", prefix + " A");
		assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		assertThat(first.path("edges").path(0).path("node").path("distanceMeters").isNull()).isTrue();
		JsonNode second = page(http, first.path("pageInfo").path("endCursor").asString());
		assertThat(LotAdminApi.names(second)).containsExactly(prefix + " B", prefix + " C");
	}

	private static JsonNode page(GraphQlHttp http, String after) {
		JsonNode response = http.execute(null, BY_NAME, Map.of("first", 2, "after", after));
		assertThat(response.path("errors").isMissingNode()).as("errors: %s", response).isTrue();
		return response.path("data").path("lots");
	}
}
