package org.openparking.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openparking.simulator.io.GraphQlHttp;
import org.openparking.simulator.run.SimulationRun;
import org.openparking.systemtest.RunningSystem;
import org.openparking.simulator.plan.DriverPlan;
import org.openparking.simulator.plan.DriverPlan.Outcome;

import tools.jackson.databind.JsonNode;

/**
 * A short simulation with every fault switched on, against the real api, sensor-gateway, PostgreSQL, Redis and
 * Mosquitto ({@link RunningSystem}), then the invariants checked in the database and through the API. Graces and debounce are short
 * (launcher arguments) so the whole test stays under three minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationInvariantsTest {

	/** Short graces, a fast rule evaluation and a 1 s debounce, so the whole run fits in about three minutes. */
	private final RunningSystem system = RunningSystem.builder()
		.schemaSuffix("simulation")
		.apiArg("--parking.holds.min-length=5s")
		.apiArg("--parking.sensing.arrival-grace=6s")
		.apiArg("--parking.sensing.departure-grace=20s")
		.apiArg("--parking.sensing.evaluation-interval=1s")
		.apiArg("--parking.sensing.block-for=5s")
		.gatewayArg("--parking.gateway.models.simulated.heartbeat-timeout=10s")
		.build();

	private Drive.Result result;
	private Instant playedUntil;
	private Map<String, String> commsAtTheEnd;
	private Connection db;

	@BeforeAll
	void simulate() throws Exception {
		system.start();
		var parsed = SimulatorCommand.commandLine()
			.parseArgs("simulate", "--api-url=" + system.graphQlUrl(), "--mqtt-url=" + system.mqttUrl(),
					"--lot-name=Invariants", "--seed=4", "--spots=300", "--duration=40s", "--profile=FLAT",
					"--rate=24000", "--dwell-median=8s", "--min-dwell=4s", "--max-dwell=15s", "--lead-mean=4s",
					"--min-lead=3s", "--arrival-spread=1s", "--overstay-median=4s", "--gap=6s", "--heartbeat=3s",
					"--flap-pulse=200ms", "--flap-every=8s", "--min-window=15s", "--browse-share=0.2",
					"--cancel-share=0.1", "--extend-share=0.1", "--all-faults=0.1", "--progress=10s");
		SimulateCommand simulate = (SimulateCommand) parsed.subcommand().commandSpec().userObject();
		simulate.run.connection.minter = (user, roles) -> system.token(user, roles.toArray(String[]::new));
		result = simulate.execute();
		playedUntil = result.run().finished();
		// At once: the heartbeats stopped with the run, so every sensor goes silent a few seconds from now.
		commsAtTheEnd = sensorComms();
		db = DriverManager.getConnection(system.jdbcUrl(), "postgres", "");
		awaitPaymentsSettled();
	}

	@AfterAll
	void stop() throws Exception {
		if (db != null) {
			db.close();
		}
		system.close();
	}

	@Test
	void theSimulationWasBusyAndEveryFaultHappened() {
		assertThat(result.plan().drivers()).hasSizeGreaterThan(250);
		assertThat(result.plan().config().sensors()).isEqualTo(300);
		assertThat(result.plan().outcomes()).containsKeys(Outcome.NO_SHOW, Outcome.OVERSTAY, Outcome.UNAUTHORISED,
				Outcome.DECLINED, Outcome.CANCELLED, Outcome.EXTENDED, Outcome.PARKED);
		assertThat(result.plan().offlineSpots()).hasSize(30);
		assertThat(result.plan().flappingSpots()).hasSize(30);
		assertThat(counter("published.flap")).isPositive();
		assertThat(result.metrics().histogram("mqtt.duplicate").getTotalCount()).isPositive();
		assertThat(result.metrics().histogram("mqtt.out_of_order").getTotalCount()).isPositive();
		assertThat(result.metrics().histogram("mqtt.malformed").getTotalCount()).isPositive();
	}

	@Test
	void driversWereRefusedOnlyWhereTheyFellBehindPlan() {
		// The simulator names only spots its own ledger knows to be free. On a loaded machine a driver can fall seconds
		// behind plan (a booking paid late can no longer be cancelled before it starts, a session ends late): those
		// refusals are the only ones allowed, and only a few.
		Map<String, Map<String, Long>> errors = new HashMap<>(result.metrics().errors());
		errors.remove("e2e.subscription");
		Set<String> behindPlan = Set.of("SPOT_TAKEN", "BOOKING_NOT_CANCELLABLE", "BOOKING_NOT_EXTENDABLE",
				"STILL_PENDING_PAYMENT");
		errors.values().forEach(byKind -> assertThat(behindPlan).containsAll(byKind.keySet()));
		long refused = errors.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
		assertThat(refused).isLessThanOrEqualTo(result.metrics().apiCalls() / 50);
	}

	@Test
	void noOverlappingBookings() throws Exception {
		assertThat(queryLong("""
				select count(*) from booking a join booking b on a.spot_id = b.spot_id and a.id < b.id
				 and a.during && b.during
				where a.lot_id = ?::uuid
				  and a.status in ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED')
				  and b.status in ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED')""")).isZero();
	}

	@Test
	void noSpotAndNoUserEverHadTwoLiveSessions() throws Exception {
		for (String key : List.of("spot_id", "user_id")) {
			assertThat(queryLong("""
					select count(*) from parking_session a join parking_session b on a.%1$s = b.%1$s and a.id < b.id
					 and tstzrange(a.started_at, a.ended_at) && tstzrange(b.started_at, b.ended_at)
					where a.lot_id = ?::uuid""".formatted(key))).as(key).isZero();
		}
		assertThat(queryLong("select count(*) from parking_session where lot_id = ?::uuid and ended_at is null"))
			.as("every walk-in ended its session").isZero();
		assertThat(queryLong("select count(*) from parking_session where lot_id = ?::uuid"))
			.isEqualTo(counter("executed.session"));
	}

	@Test
	void bookingsEndedAsSimulated() throws Exception {
		assertThat(queryLong("select count(*) from booking where lot_id = ?::uuid and status = 'PAYMENT_FAILED'"))
			.isEqualTo(counter("executed.booking_declined_card"));
		assertThat(queryLong("select count(*) from booking where lot_id = ?::uuid and status = 'CANCELLED'"))
			.isEqualTo(counter("executed.cancel"));
	}

	@Test
	void everyCarWasSeenOnceAndNothingElseCounted() throws Exception {
		Map<String, String> sequences = new HashMap<>();
		try (PreparedStatement statement = db.prepareStatement("""
				select device_id, string_agg(case when occupied then 'T' else 'f' end, '' order by observed_at, seq)
				from sensor_observation where lot_id = ?::uuid and kind = 'OCCUPANCY' group by device_id""")) {
			statement.setString(1, result.deployment().lotId());
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					sequences.put(rows.getString(1), rows.getString(2));
				}
			}
		}
		long arrivals = sequences.values().stream().mapToLong(s -> s.chars().filter(c -> c == 'T').count()).sum();
		// Duplicates and out-of-order readings changed nothing, and every flap was debounced away.
		assertThat(arrivals).isEqualTo(counter("published.arrival") + counter("published.unauthorised_arrival"))
			.isLessThanOrEqualTo(result.plan().sensedArrivals());
		sequences.forEach((device, states) -> assertThat(states).as(device).doesNotContain("TT").doesNotContain("ff")
			.doesNotEndWith("T"));
		for (int spot : result.plan().flappingSpots()) {
			assertThat(sequences.getOrDefault(device(spot), "")).as("flapping " + device(spot)).doesNotContain("T");
		}
	}

	@Test
	void offlineSensorsAndOnlyThoseWentSilent() throws Exception {
		Set<String> lost = new java.util.HashSet<>();
		try (PreparedStatement statement = db.prepareStatement("""
				select device_id from sensor_observation
				where lot_id = ?::uuid and kind = 'COMMS_LOST' and observed_at < ?""")) {
			statement.setString(1, result.deployment().lotId());
			statement.setObject(2, java.sql.Timestamp.from(playedUntil));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					lost.add(rows.getString(1));
				}
			}
		}
		Set<String> offline = result.plan().offlineSpots().stream().map(this::device).collect(Collectors.toSet());
		assertThat(lost).isEqualTo(offline);

		// The same through the API: the operator's view of the lot's sensors.
		Map<String, String> comms = commsAtTheEnd;
		assertThat(comms).hasSize(300);
		comms.forEach((device, state) -> assertThat(state).as(device).isEqualTo(offline.contains(device) ? "LOST" : "OK"));
	}

	@Test
	void everyMalformedPayloadWasDeadLetteredWithItsReason() throws Exception {
		Map<String, Long> expected = Map.of("MALFORMED_JSON", counter("published.malformed.not_json"), "WRONG_TYPE",
				counter("published.malformed.wrong_type"), "MISSING_FIELD", counter("published.malformed.missing_field"),
				"ABSURD_TIMESTAMP", counter("published.malformed.absurd_timestamp"), "OVERSIZED",
				counter("published.malformed.oversized"));
		Map<String, Long> actual = new HashMap<>();
		try (PreparedStatement statement = db.prepareStatement(
				"select reason, count(*) from sensor_dead_letter where topic like ? group by reason")) {
			statement.setString(1, "parking/v1/sensors/" + device(0).replace(
					result.deployment().spots().get(0).code(), "") + "%");
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					actual.put(rows.getString(1), rows.getLong(2));
				}
			}
		}
		expected.forEach((reason, n) -> assertThat(actual.getOrDefault(reason, 0L)).as(reason).isEqualTo(n));
		assertThat(actual.keySet()).isSubsetOf(expected.keySet());
	}

	@Test
	void everyInjectedFaultWasDetectedAsTheRightAlert() throws Exception {
		Map<Integer, SimulationRun.DriverOutcome> ran = result.run().driverOutcomes();
		Set<String> noShows = bookings(ran, Outcome.NO_SHOW);
		Set<String> overstays = bookings(ran, Outcome.OVERSTAY);
		Set<String> unauthorisedSpots = result.plan()
			.drivers()
			.stream()
			.filter(d -> d.outcome() == Outcome.UNAUTHORISED && d.spot() < result.plan().config().sensors())
			.map(d -> result.deployment().spots().get(d.spot()).id())
			.collect(Collectors.toSet());
		Set<String> offline = result.plan().offlineSpots().stream().map(this::device).collect(Collectors.toSet());
		assertThat(noShows).isNotEmpty();
		assertThat(overstays).isNotEmpty();
		assertThat(unauthorisedSpots).isNotEmpty();

		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Map<String, List<JsonNode>> alerts;
		while (true) {
			alerts = alerts();
			boolean complete = ids(alerts, "NO_SHOW", "bookingId").containsAll(noShows)
					&& ids(alerts, "OVERSTAY", "bookingId").containsAll(overstays)
					&& spotIds(alerts, "UNEXPECTED_OCCUPANCY").containsAll(unauthorisedSpots)
					&& ids(alerts, "SENSOR_OFFLINE", "deviceId").containsAll(offline);
			if (complete || System.nanoTime() > deadline) {
				break;
			}
			Thread.sleep(1000);
		}
		assertThat(ids(alerts, "NO_SHOW", "bookingId")).containsAll(noShows);
		assertThat(ids(alerts, "OVERSTAY", "bookingId")).containsAll(overstays);
		assertThat(spotIds(alerts, "UNEXPECTED_OCCUPANCY")).containsAll(unauthorisedSpots);
		// Raised while the run went on: after it every sensor falls silent.
		assertThat(alerts.getOrDefault("SENSOR_OFFLINE", List.of())
			.stream()
			.filter(a -> Instant.parse(a.path("raisedAt").asString()).isBefore(playedUntil))
			.map(a -> a.path("deviceId").asString())
			.collect(Collectors.toSet())).isEqualTo(offline);
		alerts.forEach((kind, list) -> System.out.println("alerts " + kind + ": " + list.size()));
		Set<String> otherSpots = new java.util.HashSet<>(spotIds(alerts, "UNEXPECTED_OCCUPANCY"));
		otherSpots.removeAll(unauthorisedSpots);
		System.out.println("UNEXPECTED_OCCUPANCY on spots without an unauthorised parker: " + otherSpots.size());
	}

	@Test
	void theKpisCountEveryArrivalThatWasSimulated() throws Exception {
		Instant from = result.run().wallTime(0).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		Instant to = playedUntil.plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		long expected = counter("published.arrival") + counter("published.unauthorised_arrival");
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		long arrivals;
		JsonNode kpis;
		do {
			kpis = graphQl("""
					query($lotId: ID!, $from: DateTime!, $to: DateTime!) { occupancyKpis(lotId: $lotId, from: $from, to: $to) {
					  turnover hours { arrivals departures } } }""",
					Map.of("lotId", result.deployment().lotId(), "from", from.toString(), "to", to.toString()))
				.path("occupancyKpis");
			arrivals = 0;
			for (JsonNode hour : kpis.path("hours")) {
				arrivals += hour.path("arrivals").asLong();
			}
			if (arrivals == expected) {
				break;
			}
			Thread.sleep(1000);
		}
		while (System.nanoTime() < deadline);
		assertThat(arrivals).isEqualTo(expected);
		long departures = 0;
		for (JsonNode hour : kpis.path("hours")) {
			departures += hour.path("departures").asLong();
		}
		assertThat(departures).isEqualTo(counter("published.departure") + counter("published.overstay_departure")
				+ counter("published.unauthorised_departure"));
	}

	private Set<String> bookings(Map<Integer, SimulationRun.DriverOutcome> ran, Outcome outcome) {
		return result.plan()
			.drivers()
			.stream()
			.filter(d -> d.outcome() == outcome && d.spot() < result.plan().config().sensors())
			.map(d -> ran.get(d.driver()))
			.filter(o -> o != null && !o.failed() && o.bookingId() != null)
			.map(SimulationRun.DriverOutcome::bookingId)
			.collect(Collectors.toSet());
	}

	private static Set<String> ids(Map<String, List<JsonNode>> alerts, String kind, String field) {
		return alerts.getOrDefault(kind, List.of())
			.stream()
			.map(a -> a.path(field).asString(""))
			.collect(Collectors.toSet());
	}

	private static Set<String> spotIds(Map<String, List<JsonNode>> alerts, String kind) {
		return alerts.getOrDefault(kind, List.of())
			.stream()
			.map(a -> a.path("spot").path("id").asString(""))
			.collect(Collectors.toSet());
	}

	/** Every alert of the lot, any status, by kind. */
	private Map<String, List<JsonNode>> alerts() {
		Map<String, List<JsonNode>> byKind = new HashMap<>();
		eachNode("alerts", "kind bookingId deviceId raisedAt spot { id }", node -> byKind
			.computeIfAbsent(node.path("kind").asString(), k -> new java.util.ArrayList<>())
			.add(node));
		return byKind;
	}

	/** Pages through a connection of the lot ({@code field(lotId, first, after)}), every node to the consumer. */
	private void eachNode(String field, String selection, java.util.function.Consumer<JsonNode> consumer) {
		String after = null;
		do {
			Map<String, Object> variables = new HashMap<>();
			variables.put("lotId", result.deployment().lotId());
			variables.put("after", after);
			JsonNode page = graphQl("query($lotId: ID!, $after: String) { " + field
					+ "(lotId: $lotId, first: 100, after: $after) { edges { node { " + selection
					+ " } } pageInfo { hasNextPage endCursor } } }", variables).path(field);
			page.path("edges").forEach(edge -> consumer.accept(edge.path("node")));
			after = page.path("pageInfo").path("hasNextPage").asBoolean()
					? page.path("pageInfo").path("endCursor").asString() : null;
		}
		while (after != null);
	}

	/** Comms of every sensor of the lot through the API: what the operator sees. */
	private Map<String, String> sensorComms() {
		Map<String, String> comms = new HashMap<>();
		eachNode("sensors", "deviceId health { comms }",
				node -> comms.put(node.path("deviceId").asString(), node.path("health").path("comms").asString()));
		return comms;
	}

	private String device(int spot) {
		return result.deployment().deviceIds().get(spot);
	}

	private long count(Outcome outcome) {
		return result.plan().drivers().stream().filter(d -> d.outcome() == outcome).count();
	}

	private long count(Outcome outcome, DriverPlan.Kind kind) {
		return result.plan().drivers().stream().filter(d -> d.outcome() == outcome && d.kind() == kind).count();
	}

	private long counter(String name) {
		return result.metrics().counter(name);
	}

	private long queryLong(String sql) throws Exception {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			statement.setString(1, result.deployment().lotId());
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private JsonNode graphQl(String document, Map<String, ?> variables) {
		return new GraphQlHttp(system.graphQlUrl(), Duration.ofSeconds(30)).execute(document, variables,
				system.token("sim-operator", "OPERATOR"));
	}

	/** Payment runs after confirmBooking returns; the statuses settle within seconds. */
	private void awaitPaymentsSettled() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (queryLong("""
				select count(*) from booking b where b.lot_id = ?::uuid and (b.status = 'PENDING_PAYMENT'
				  or exists (select 1 from payment p where p.booking_id = b.id and p.status = 'PENDING'))""") > 0) {
			assertThat(System.nanoTime()).as("payments still pending after 60 s").isLessThan(deadline);
			Thread.sleep(200);
		}
	}

}
