package org.openparking.api.sensing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators' alert handling and the occupancy KPIs, over GraphQL. */
@ApiIntegrationTest
class AlertsAndKpisTest {

	static final String ACKNOWLEDGE = """
			mutation($input: AlertActionInput!) { acknowledgeAlert(input: $input) {
			  alert { id status acknowledgedBy acknowledgedAt } userErrors { code field } } }""";

	static final String RESOLVE = """
			mutation($input: AlertActionInput!) { resolveAlert(input: $input) {
			  alert { id status resolvedBy resolvedAt } userErrors { code field } } }""";

	static final String ALERTS = """
			query($lotId: ID!, $filter: AlertFilter, $first: Int, $after: String) {
			  alerts(lotId: $lotId, filter: $filter, first: $first, after: $after) {
			    edges { cursor node { id kind status spot { code } } } pageInfo { hasNextPage endCursor } } }""";

	static final String KPIS = """
			query($lotId: ID!, $from: DateTime!, $to: DateTime!) { occupancyKpis(lotId: $lotId, from: $from, to: $to) {
			  lotId averageOccupancyPercent turnover averageDwellMinutes
			  hours { hour occupancyPercent arrivals departures averageDwellMinutes } } }""";

	@LocalServerPort
	int port;

	@Autowired
	LocalTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLotsOperatorAcknowledgesAndResolvesAnotherOperatorMayNot() {
		String operator = "op-" + UUID.randomUUID();
		TestLot lot = new LotFixtures(jdbc).lot(operator, 1);
		UUID alert = openAlert(lot);
		GraphQlHttp http = new GraphQlHttp(port);
		String mine = tokens.mint(operator, Role.OPERATOR);
		String theirs = tokens.mint("op-" + UUID.randomUUID(), Role.OPERATOR);

		JsonNode forbidden = http.execute(theirs, ACKNOWLEDGE, input(alert, null));
		assertThat(forbidden.at("/errors/0/extensions/classification").asString()).as(forbidden.toString())
			.isEqualTo("FORBIDDEN");
		JsonNode driver = http.execute(tokens.mint("d-" + UUID.randomUUID(), Role.DRIVER), RESOLVE, input(alert, null));
		assertThat(driver.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");

		JsonNode acknowledged = http.execute(mine, ACKNOWLEDGE, input(alert, "ack-" + alert));
		assertThat(acknowledged.at("/data/acknowledgeAlert/alert/status").asString()).as(acknowledged.toString())
			.isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.at("/data/acknowledgeAlert/alert/acknowledgedBy").asString()).isEqualTo(operator);
		// The same key again: the first answer, no error.
		assertThat(http.execute(mine, ACKNOWLEDGE, input(alert, "ack-" + alert))).isEqualTo(acknowledged);
		JsonNode again = http.execute(mine, ACKNOWLEDGE, input(alert, null));
		assertThat(again.at("/data/acknowledgeAlert/userErrors/0/code").asString()).isEqualTo("ALERT_CLOSED");

		JsonNode resolved = http.execute(mine, RESOLVE, input(alert, null));
		assertThat(resolved.at("/data/resolveAlert/alert/status").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.at("/data/resolveAlert/alert/resolvedBy").asString()).isEqualTo(operator);
		assertThat(http.execute(mine, RESOLVE, input(alert, null)).at("/data/resolveAlert/userErrors/0/code")
			.asString()).isEqualTo("ALERT_CLOSED");
		assertThat(http.execute(mine, RESOLVE, input(UUID.randomUUID(), null)).at("/data/resolveAlert/userErrors/0/code")
			.asString()).isEqualTo("NOT_FOUND");
		JsonNode admin = http.execute(tokens.mint("admin-" + UUID.randomUUID(), Role.ADMIN), ALERTS,
				Map.of("lotId", lot.id().toString()));
		assertThat(admin.at("/data/alerts/edges/0/node/status").asString()).as(admin.toString()).isEqualTo("RESOLVED");
		assertThat(http.execute(theirs, ALERTS, Map.of("lotId", lot.id().toString()))
			.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
	}

	@Test
	void kpisOfAKnownSequence() {
		String operator = "op-" + UUID.randomUUID();
		TestLot lot = new LotFixtures(jdbc).lot(operator, 2); // Europe/Berlin: whole-hour offset, UTC hours align
		UUID a = lot.spotIds().get(0);
		UUID b = lot.spotIds().get(1);
		SensorFeed feed = new SensorFeed(jdbc);
		String deviceA = feed.register(lot.id(), a);
		String deviceB = feed.register(lot.id(), b);
		Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(26));
		feed.occupancy(deviceB, lot.id(), b, false, base.minus(Duration.ofHours(1)));
		feed.occupancy(deviceA, lot.id(), a, true, base);
		feed.occupancy(deviceA, lot.id(), a, false, base.plus(Duration.ofMinutes(30)));
		feed.occupancy(deviceA, lot.id(), a, true, base.plus(Duration.ofMinutes(45)));
		feed.awaitApplied(feed.occupancy(deviceA, lot.id(), a, false, base.plus(Duration.ofMinutes(75))));

		GraphQlHttp http = new GraphQlHttp(port);
		String token = tokens.mint(operator, Role.OPERATOR);
		JsonNode kpis = http.execute(token, KPIS, Map.of("lotId", lot.id().toString(), "from", base.toString(), "to",
				base.plus(Duration.ofHours(2)).toString()))
			.path("data")
			.path("occupancyKpis");
		assertThat(kpis.path("averageOccupancyPercent").asDouble()).as(kpis.toString()).isEqualTo(25.0);
		assertThat(kpis.path("turnover").asInt()).isEqualTo(2);
		assertThat(kpis.path("averageDwellMinutes").asDouble()).isEqualTo(30.0);
		JsonNode hours = kpis.path("hours");
		assertThat(hours.size()).isEqualTo(2);
		assertThat(Instant.parse(hours.get(0).path("hour").asString())).isEqualTo(base);
		assertThat(hours.get(0).path("occupancyPercent").asDouble()).isEqualTo(37.5);
		assertThat(hours.get(0).path("arrivals").asInt()).isEqualTo(2);
		assertThat(hours.get(0).path("departures").asInt()).isEqualTo(1);
		assertThat(hours.get(0).path("averageDwellMinutes").asDouble()).isEqualTo(30.0);
		assertThat(hours.get(1).path("occupancyPercent").asDouble()).isEqualTo(12.5);
		assertThat(hours.get(1).path("arrivals").asInt()).isEqualTo(0);
		assertThat(hours.get(1).path("departures").asInt()).isEqualTo(1);

		// Both arrivals raised an alert, both resolved when the car left; newest first, one page at a time.
		Map<String, Object> filter = Map.of("kinds", List.of("UNEXPECTED_OCCUPANCY"), "statuses", List.of("RESOLVED"));
		JsonNode page = http.execute(token, ALERTS, Map.of("lotId", lot.id().toString(), "filter", filter, "first", 1))
			.path("data").path("alerts");
		assertThat(page.at("/edges/0/node/spot/code").asString()).as(page.toString()).isEqualTo("S001");
		assertThat(page.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
		JsonNode next = http.execute(token, ALERTS, Map.of("lotId", lot.id().toString(), "filter", filter, "first", 1,
				"after", page.at("/pageInfo/endCursor").asString())).path("data").path("alerts");
		assertThat(next.path("edges").size()).isEqualTo(1);
		assertThat(next.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
		assertThat(next.at("/edges/0/node/id").asString()).isNotEqualTo(page.at("/edges/0/node/id").asString());

		JsonNode tooLong = http.execute(token, KPIS, Map.of("lotId", lot.id().toString(), "from", base.toString(), "to",
				base.plus(Duration.ofDays(32)).toString()));
		assertThat(tooLong.at("/errors/0/extensions/classification").asString()).as(tooLong.toString())
			.isEqualTo("BAD_REQUEST");
		assertThat(tooLong.at("/errors/0/extensions/code").asString()).isEqualTo("INVALID_WINDOW");
	}

	private UUID openAlert(TestLot lot) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into alert (id, lot_id, spot_id, kind, status, message, raised_at)
				values (?, ?, ?, 'UNEXPECTED_OCCUPANCY', 'OPEN', 'test', ?)""")
			.params(id, lot.id(), lot.spotIds().getFirst(), Timestamp.from(Instant.now()))
			.update();
		return id;
	}

	private static Map<String, Object> input(UUID alert, String key) {
		return key == null ? Map.of("input", Map.of("alertId", alert.toString()))
				: Map.of("input", Map.of("alertId", alert.toString(), "idempotencyKey", key));
	}
}
