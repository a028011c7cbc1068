package org.openparking.api.lots;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openparking.api.security.LocalTokens;
import org.openparking.api.security.Role;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.support.GraphQlHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.lots.LotAdminApi.errorType;
import static org.openparking.api.lots.LotAdminApi.lotInput;
import static org.openparking.api.lots.LotAdminApi.payload;
import static org.openparking.api.lots.LotAdminApi.spot;
import static org.openparking.api.lots.LotAdminApi.standardSpots;
import static org.openparking.api.lots.LotAdminApi.tariffInput;

@LotsIntegrationTest
class LotAdministrationTest {

	private static final String LOT_QUERY = "query($id: ID!) { lot(id: $id) { " + LotAdminApi.LOT_FIELDS
			+ " openingHours { dayOfWeek opens closes } levels { code name ordinal lot { id } spots { "
			+ LotAdminApi.SPOT_FIELDS + " lot { id } level { code } } } "
			+ "tariffs { spotClass hourlyRate { amountMinor currency } dailyMaximum { amountMinor currency } "
			+ "minimumCharge { amountMinor currency } } } }";

	@LocalServerPort
	int port;

	@Autowired
	LocalTokens tokens;

	@Autowired
	LotCatalog catalog;

	@Autowired
	Pricing pricing;

	@Autowired
	RecordedLotEvents events;

	@Autowired
	JdbcClient jdbc;

	@Value("${parking.lots.catalog-ttl:5s}")
	Duration catalogTtl;

	GraphQlHttp http;

	LotAdminApi api;

	String operatorId;

	String operator;

	@BeforeEach
	void setUp() {
		http = new GraphQlHttp(port);
		api = new LotAdminApi(http);
		operatorId = "operator-" + UUID.randomUUID();
		operator = tokens.mint(operatorId, Role.OPERATOR);
	}

	@Test
	void operatorCreatesALotAddsSpotsSetsATariffAndReadsItBack() {
		Map<String, Object> input = lotInput("Hauptbahnhof " + UUID.randomUUID(), 52.525, 13.369);
		input.put("maxHeightCm", 210);
		input.put("openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "opens", "06:00", "closes", "22:30"),
				Map.of("dayOfWeek", "SUNDAY", "opens", "00:00", "closes", "24:00")));
		JsonNode lot = payload(api.createLot(operator, input), "createLot").path("lot");
		String lotId = lot.path("id").asString();
		assertThat(lot.path("operatorId").asString()).isEqualTo(operatorId);
		assertThat(lot.path("address").path("countryCode").asString()).isEqualTo("DE");

		Map<String, Object> ev = spot("E1", "EV_CHARGING");
		ev.put("evConnector", "CCS2");
		ev.put("zone", "North");
		Map<String, Object> van = spot("V1", "OVERSIZE");
		van.put("maxHeightCm", 300);
		List<String> spotIds = api.newSpots(operator, lotId, "L1", List.of(spot("S2", "STANDARD"), ev, van,
				spot("S1", "STANDARD")));
		assertThat(spotIds).hasSize(4);
		payload(api.setTariff(operator, tariffInput(lotId, "STANDARD", 250, 1800L, 100L)), "setTariff");
		payload(api.setTariff(operator, tariffInput(lotId, "EV_CHARGING", 400, null, null)), "setTariff");

		JsonNode read = http.execute(null, LOT_QUERY, Map.of("id", lotId)).path("data").path("lot");
		assertThat(read.path("name").asString()).isEqualTo(input.get("name"));
		assertThat(read.path("maxHeightCm").asInt()).isEqualTo(210);
		assertThat(read.path("openingHours").toString()).isEqualTo("""
				[{"dayOfWeek":"MONDAY","opens":"06:00","closes":"22:30"},\
				{"dayOfWeek":"SUNDAY","opens":"00:00","closes":"24:00"}]""");
		assertThat(read.path("levels").valueStream().map(level -> level.path("code").asString()))
			.containsExactly("L0", "L1");
		assertThat(read.path("levels").path(0).path("spots").size()).isZero();
		JsonNode spots = read.path("levels").path(1).path("spots");
		assertThat(spots.valueStream().map(spot -> spot.path("code").asString())).containsExactly("E1", "S1", "S2",
				"V1");
		assertThat(spots.path(0).path("evConnector").asString()).isEqualTo("CCS2");
		assertThat(spots.path(0).path("zone").asString()).isEqualTo("North");
		assertThat(spots.path(3).path("maxHeightCm").asInt()).isEqualTo(300);
		assertThat(spots.valueStream().map(spot -> spot.path("administrativeState").asString())).containsOnly("OPEN");
		assertThat(spots.path(1).path("lot").path("id").asString()).isEqualTo(lotId);
		assertThat(spots.path(1).path("level").path("code").asString()).isEqualTo("L1");
		assertThat(read.path("tariffs").toString()).isEqualTo("""
				[{"spotClass":"STANDARD","hourlyRate":{"amountMinor":250,"currency":"EUR"},\
				"dailyMaximum":{"amountMinor":1800,"currency":"EUR"},"minimumCharge":{"amountMinor":100,"currency":"EUR"}},\
				{"spotClass":"EV_CHARGING","hourlyRate":{"amountMinor":400,"currency":"EUR"},"dailyMaximum":null,\
				"minimumCharge":{"amountMinor":0,"currency":"EUR"}}]""");

		LotId id = LotId.parse(lotId);
		assertThat(catalog.lot(id)).map(LotSummary::operatorId).contains(operatorId);
		assertThat(catalog.spots(id)).extracting(SpotSummary::code).containsExactly("E1", "S1", "S2", "V1");
		Instant start = Instant.parse("2026-11-23T10:00:00Z");
		assertThat(pricing.price(id, SpotClass.STANDARD, new TimeWindow(start, start.plus(25, ChronoUnit.HOURS))))
			.contains(new Money(1800 + 250, "EUR"));
		assertThat(pricing.price(id, SpotClass.ACCESSIBLE, new TimeWindow(start, start.plusSeconds(60)))).isEmpty();
		assertThat(events.lotChanges(id)).extracting(LotChanged::what)
			.containsExactly("CREATED", "SPOTS_ADDED", "TARIFF_SET", "TARIFF_SET");
	}

	@Test
	void operatorActsOnlyOnTheirOwnLots() {
		String lotId = api.newLot(operator, lotInput("Mine " + UUID.randomUUID(), 52.5, 13.4));
		String spotId = api.newSpots(operator, lotId, "L0", standardSpots("S", 1)).getFirst();
		String other = tokens.mint("operator-" + UUID.randomUUID(), Role.OPERATOR);

		assertThat(errorType(api.addSpots(other, lotId, "L0", standardSpots("X", 1)))).isEqualTo("FORBIDDEN");
		assertThat(errorType(api.setTariff(other, tariffInput(lotId, "STANDARD", 100, null, null))))
			.isEqualTo("FORBIDDEN");
		assertThat(errorType(api.setSpotState(other, Map.of("spotId", spotId, "state", "CLOSED", "reason", "x"))))
			.isEqualTo("FORBIDDEN");
		assertThat(catalog.spots(LotId.parse(lotId))).extracting(SpotSummary::code).containsExactly("S001");
		assertThat(catalog.spot(SpotId.parse(spotId))).map(SpotSummary::state).contains(AdministrativeState.OPEN);
	}

	@Test
	void onlyOperatorsAndAdminsMayCreateLots() {
		Map<String, Object> input = lotInput("Nope " + UUID.randomUUID(), 52.5, 13.4);
		assertThat(errorType(api.createLot(tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER), input)))
			.isEqualTo("FORBIDDEN");
		assertThat(errorType(api.createLot(null, input))).isEqualTo("UNAUTHORIZED");
		input.put("operatorId", "operator-" + UUID.randomUUID());
		assertThat(errorType(api.createLot(operator, input))).isEqualTo("FORBIDDEN");
		assertThat(lotsNamed((String) input.get("name"))).isZero();
	}

	@Test
	void adminCreatesALotForAnOperatorWhoThenManagesIt() {
		Map<String, Object> input = lotInput("For someone " + UUID.randomUUID(), 52.5, 13.4);
		input.put("operatorId", operatorId);
		JsonNode lot = payload(api.createLot(tokens.mint("admin", Role.ADMIN), input), "createLot").path("lot");
		assertThat(lot.path("operatorId").asString()).isEqualTo(operatorId);
		api.newSpots(operator, lot.path("id").asString(), "L0", standardSpots("S", 2));
	}

	@Test
	void invalidLotInputComesBackAsUserErrorsWithFieldPaths() {
		Map<String, Object> input = lotInput(" ", 91, -181);
		input.put("timeZone", "Europe/Atlantis");
		input.put("address", Map.of("city", "Berlin", "countryCode", "DEU"));
		input.put("maxHeightCm", 0);
		input.put("openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "opens", "8:00", "closes", "18:00"),
				Map.of("dayOfWeek", "TUESDAY", "opens", "18:00", "closes", "08:00"),
				Map.of("dayOfWeek", "TUESDAY", "opens", "08:00", "closes", "25:00")));
		input.put("levels", List.of(Map.of("code", "L0", "name", "Ground", "ordinal", 0),
				Map.of("code", "L0", "name", "Again", "ordinal", 1)));
		assertThat(userErrors(api.createLot(operator, input), "createLot")).containsExactlyInAnyOrder(
				"INVALID_INPUT input.name", "INVALID_INPUT input.timeZone", "INVALID_INPUT input.maxHeightCm",
				"INVALID_INPUT input.address.countryCode", "INVALID_INPUT input.location.latitude",
				"INVALID_INPUT input.location.longitude", "INVALID_INPUT input.openingHours.0.opens",
				"INVALID_INPUT input.openingHours.1.closes", "INVALID_INPUT input.openingHours.2.dayOfWeek",
				"INVALID_INPUT input.openingHours.2.closes", "DUPLICATE_CODE input.levels.1.code");

		Map<String, Object> noLevels = lotInput("No levels " + UUID.randomUUID(), 52.5, 13.4);
		noLevels.put("levels", List.of());
		noLevels.put("timeZone", "+02:00");
		assertThat(userErrors(api.createLot(operator, noLevels), "createLot"))
			.containsExactlyInAnyOrder("INVALID_INPUT input.levels", "INVALID_INPUT input.timeZone");
		assertThat(lotsNamed((String) noLevels.get("name"))).isZero();
	}

	@Test
	void invalidSpotsComeBackAsUserErrorsWithFieldPaths() {
		String lotId = api.newLot(operator, lotInput("Spots " + UUID.randomUUID(), 52.5, 13.4));
		api.newSpots(operator, lotId, "L0", List.of(spot("A1", "STANDARD")));
		Map<String, Object> oversize = spot("B2", "OVERSIZE");
		assertThat(userErrors(api.addSpots(operator, lotId, "L1",
				List.of(spot("A1", "STANDARD"), spot("B1", "EV_CHARGING"), oversize, spot("B2", "MOTORCYCLE"))),
				"addSpots"))
			.containsExactlyInAnyOrder("DUPLICATE_CODE input.spots.0.code", "INVALID_INPUT input.spots.1.evConnector",
					"INVALID_INPUT input.spots.2.maxHeightCm", "DUPLICATE_CODE input.spots.3.code");
		assertThat(userErrors(api.addSpots(operator, lotId, "L9", standardSpots("C", 1)), "addSpots"))
			.containsExactly("NOT_FOUND input.levelCode");
		assertThat(userErrors(api.addSpots(operator, lotId, "L0", List.of()), "addSpots"))
			.containsExactly("INVALID_INPUT input.spots");
		assertThat(userErrors(api.addSpots(operator, lotId, "L0", standardSpots("D", 1001)), "addSpots"))
			.containsExactly("INVALID_INPUT input.spots");
		assertThat(userErrors(api.addSpots(operator, UUID.randomUUID().toString(), "L0", standardSpots("E", 1)),
				"addSpots"))
			.containsExactly("NOT_FOUND input.lotId");
		assertThat(userErrors(api.addSpots(operator, "not-a-uuid", "L0", standardSpots("E", 1)), "addSpots"))
			.containsExactly("INVALID_INPUT input.lotId");
		assertThat(catalog.spots(LotId.parse(lotId))).extracting(SpotSummary::code).containsExactly("A1");
	}

	@Test
	void concurrentCallsCannotTakeTheSameCode() throws Exception {
		String lotId = api.newLot(operator, lotInput("Race " + UUID.randomUUID(), 52.5, 13.4));
		List<Callable<JsonNode>> calls = Collections.nCopies(4,
				() -> api.addSpots(operator, lotId, "L0", List.of(spot("SAME", "STANDARD"))));
		try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
			List<List<String>> outcomes = new ArrayList<>();
			for (Future<JsonNode> call : executor.invokeAll(calls)) {
				outcomes.add(userErrors(call.get(), "addSpots"));
			}
			assertThat(outcomes).containsOnlyOnce(List.of())
				.filteredOn(errors -> !errors.isEmpty())
				.allSatisfy(errors -> assertThat(errors).containsExactly("DUPLICATE_CODE input.spots.0.code"));
		}
		assertThat(catalog.spots(LotId.parse(lotId))).extracting(SpotSummary::code).containsExactly("SAME");
	}

	@Test
	void aThousandSpotsAtOnce() {
		String lotId = api.newLot(operator, lotInput("Big " + UUID.randomUUID(), 52.5, 13.4));
		assertThat(api.newSpots(operator, lotId, "L0", standardSpots("S", 1000))).hasSize(1000);
		assertThat(catalog.spots(LotId.parse(lotId))).hasSize(1000);
	}

	@Test
	void closingASpotNeedsAReasonAndShowsAtOnce() {
		String lotId = api.newLot(operator, lotInput("States " + UUID.randomUUID(), 52.5, 13.4));
		SpotId spot = SpotId.parse(api.newSpots(operator, lotId, "L0", standardSpots("S", 1)).getFirst());
		assertThat(catalog.spot(spot)).map(SpotSummary::isOpen).contains(true);

		assertThat(userErrors(api.setSpotState(operator, Map.of("spotId", spot.toString(), "state", "CLOSED")),
				"setSpotState"))
			.containsExactly("INVALID_INPUT input.reason");
		assertThat(userErrors(api.setSpotState(operator,
				Map.of("spotId", spot.toString(), "state", "OUT_OF_SERVICE", "reason", " ")), "setSpotState"))
			.containsExactly("INVALID_INPUT input.reason");
		assertThat(userErrors(api.setSpotState(operator,
				Map.of("spotId", UUID.randomUUID().toString(), "state", "OPEN")), "setSpotState"))
			.containsExactly("NOT_FOUND input.spotId");

		JsonNode closed = payload(api.setSpotState(operator,
				Map.of("spotId", spot.toString(), "state", "OUT_OF_SERVICE", "reason", "Broken barrier")),
				"setSpotState").path("spot");
		assertThat(closed.path("administrativeState").asString()).isEqualTo("OUT_OF_SERVICE");
		assertThat(closed.path("administrativeReason").asString()).isEqualTo("Broken barrier");
		// The catalog had the spot cached as open: this node's own change evicted it.
		assertThat(catalog.spot(spot)).map(SpotSummary::state).contains(AdministrativeState.OUT_OF_SERVICE);
		assertThat(events.spotStateChanges(spot)).singleElement()
			.satisfies(event -> assertThat(event.reason()).isEqualTo("Broken barrier"))
			.satisfies(event -> assertThat(event.lotId()).isEqualTo(LotId.parse(lotId)));

		JsonNode reopened = payload(api.setSpotState(operator, Map.of("spotId", spot.toString(), "state", "OPEN")),
				"setSpotState").path("spot");
		assertThat(reopened.path("administrativeReason").isNull()).isTrue();
		assertThat(catalog.spot(spot)).map(SpotSummary::isOpen).contains(true);
	}

	@Test
	void invalidTariffsComeBackAsUserErrors() {
		String lotId = api.newLot(operator, lotInput("Tariffs " + UUID.randomUUID(), 52.5, 13.4));
		Map<String, Object> input = tariffInput(lotId, "STANDARD", -1, -2L, -3L);
		input.put("currency", "EURO");
		assertThat(userErrors(api.setTariff(operator, input), "setTariff")).containsExactlyInAnyOrder(
				"INVALID_INPUT input.currency", "INVALID_INPUT input.hourlyRateMinor",
				"INVALID_INPUT input.dailyMaximumMinor", "INVALID_INPUT input.minimumChargeMinor");
		input = tariffInput(lotId, "STANDARD", 100, null, null);
		input.put("currency", "XYZ");
		assertThat(userErrors(api.setTariff(operator, input), "setTariff"))
			.containsExactly("INVALID_INPUT input.currency");
		assertThat(pricing.tariff(LotId.parse(lotId), SpotClass.STANDARD)).isEmpty();
	}

	@Test
	void settingATariffAgainReplacesIt() {
		LotId lot = LotId.parse(api.newLot(operator, lotInput("Re-tariff " + UUID.randomUUID(), 52.5, 13.4)));
		payload(api.setTariff(operator, tariffInput(lot.toString(), "STANDARD", 100, null, null)), "setTariff");
		assertThat(pricing.hourlyRate(lot, SpotClass.STANDARD)).contains(new Money(100, "EUR"));
		Map<String, Object> input = tariffInput(lot.toString(), "STANDARD", 300, 2000L, 50L);
		input.put("currency", "CHF");
		payload(api.setTariff(operator, input), "setTariff");
		assertThat(pricing.tariff(lot, SpotClass.STANDARD)).contains(new TariffView(SpotClass.STANDARD,
				new Money(300, "CHF"), new Money(2000, "CHF"), new Money(50, "CHF")));
	}

	@Test
	void replayingAnIdempotencyKeyReturnsTheSameLotAndCreatesOnlyOne() {
		Map<String, Object> input = lotInput("Once " + UUID.randomUUID(), 52.5, 13.4);
		input.put("idempotencyKey", "create-" + UUID.randomUUID());
		String first = api.newLot(operator, input);
		String second = api.newLot(operator, input);
		assertThat(second).isEqualTo(first);
		assertThat(lotsNamed((String) input.get("name"))).isEqualTo(1);

		input.put("name", "Other " + UUID.randomUUID());
		assertThat(userErrors(api.createLot(operator, input), "createLot"))
			.containsExactly("IDEMPOTENCY_KEY_REUSED input.idempotencyKey");
	}

	@Test
	void changesMadeThroughAnotherNodeShowWithinTheCacheTtl() throws InterruptedException {
		String lotId = api.newLot(operator, lotInput("Elsewhere " + UUID.randomUUID(), 52.5, 13.4));
		SpotId spot = SpotId.parse(api.newSpots(operator, lotId, "L0", standardSpots("S", 1)).getFirst());
		assertThat(catalog.spot(spot)).map(SpotSummary::isOpen).contains(true);
		// Another node writes PostgreSQL and evicts only its own cache.
		jdbc.sql("update spot set admin_state = 'CLOSED', admin_state_reason = 'elsewhere' where id = ?")
			.param(spot.value())
			.update();
		long deadline = System.nanoTime() + catalogTtl.plusSeconds(2).toNanos();
		while (catalog.spot(spot).orElseThrow().isOpen() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(catalog.spot(spot)).map(SpotSummary::state).contains(AdministrativeState.CLOSED);
	}

	private int lotsNamed(String name) {
		return jdbc.sql("select count(*) from lot where name = ?").param(name).query(Integer.class).single();
	}

	/** "CODE input.path.to.field" for each user error, after checking there was no GraphQL error. */
	private static List<String> userErrors(JsonNode response, String mutation) {
		assertThat(response.path("errors").isMissingNode()).as("GraphQL errors: %s", response).isTrue();
		return response.path("data")
			.path(mutation)
			.path("userErrors")
			.valueStream()
			.map(error -> error.path("code").asString() + " "
					+ String.join(".", error.path("field").valueStream().map(JsonNode::asString).toList()))
			.toList();
	}
}
