package org.openparking.api.sensing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

/** Spot.observation, Lot.occupancy, Lot.activeAlertCount and Alert.spot cost the same statements for 2 or 8 items. */
@ApiIntegrationTest
@Import(SqlStatementCounter.Config.class)
class SensingBatchingTest {

	static final String LOT = """
			query($id: ID!) { lot(id: $id) { occupancy { occupied free unknown } activeAlertCount
			  levels { spots { code observation { state source observedAt } } } } }""";

	static final String ALERTS = """
			query($lotId: ID!) { alerts(lotId: $lotId, first: 50) {
			  edges { node { kind spot { code observation { state } } } } } }""";

	@LocalServerPort
	int port;

	@Autowired
	LocalTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SqlStatementCounter statements;

	@Test
	void statementsDoNotGrowWithSpotsOrAlerts() {
		String operator = "op-" + UUID.randomUUID();
		String token = tokens.mint(operator, Role.OPERATOR);
		TestLot small = observedLot(operator, 2);
		TestLot large = observedLot(operator, 8);
		GraphQlHttp http = new GraphQlHttp(port);

		long lotSmall = fewest(http, token, LOT, Map.of("id", small.id().toString()), "/data/lot/levels/0/spots", 2);
		long lotLarge = fewest(http, token, LOT, Map.of("id", large.id().toString()), "/data/lot/levels/0/spots", 8);
		assertThat(lotLarge).as("lot with 2 spots: %d statements, with 8: %d", lotSmall, lotLarge).isEqualTo(lotSmall);

		long alertsSmall = fewest(http, token, ALERTS, Map.of("lotId", small.id().toString()), "/data/alerts/edges", 2);
		long alertsLarge = fewest(http, token, ALERTS, Map.of("lotId", large.id().toString()), "/data/alerts/edges", 8);
		assertThat(alertsLarge).as("2 alerts: %d statements, 8: %d", alertsSmall, alertsLarge).isEqualTo(alertsSmall);
	}

	/** A lot whose spots all have a sensor, an observation and an open alert. */
	private TestLot observedLot(String operator, int spots) {
		TestLot lot = new LotFixtures(jdbc).lot(operator, spots);
		SensorFeed feed = new SensorFeed(jdbc);
		Timestamp now = Timestamp.from(Instant.now());
		for (UUID spot : lot.spotIds()) {
			String device = feed.register(lot.id(), spot);
			jdbc.sql("""
					insert into spot_observation (spot_id, lot_id, state, source, device_id, observed_at, applied_at)
					values (?, ?, 'OCCUPIED', 'SENSOR', ?, ?, ?)""")
				.params(spot, lot.id(), device, now, now)
				.update();
			jdbc.sql("""
					insert into alert (id, lot_id, spot_id, kind, status, message, raised_at)
					values (?, ?, ?, 'UNEXPECTED_OCCUPANCY', 'OPEN', 'test', ?)""")
				.params(UUID.randomUUID(), lot.id(), spot, now)
				.update();
		}
		return lot;
	}

	/** The fewest statements of three runs (a background job of another module may add one now and then). */
	private long fewest(GraphQlHttp http, String token, String query, Map<String, Object> variables, String items,
			int expected) {
		long fewest = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			statements.reset();
			JsonNode result = http.execute(token, query, variables);
			long count = statements.count();
			assertThat(result.at(items).size()).as(result.toString()).isEqualTo(expected);
			fewest = Math.min(fewest, count);
		}
		return fewest;
	}
}
