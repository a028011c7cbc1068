package org.openparking.api.lots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.openparking.api.support.GraphQlHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator mutations over HTTP, with valid default inputs that a test changes where it needs to. */
public final class LotAdminApi {

	public static final String LOT_FIELDS = """
			id name operatorId timeZone maxHeightCm distanceMeters
			address { street city postalCode countryCode } location { latitude longitude }""";

	public static final String SPOT_FIELDS = """
			id code zone spotClass evConnector maxHeightCm administrativeState administrativeReason""";

	private static final String USER_ERRORS = "userErrors { code message field }";

	private static final String CREATE_LOT = "mutation($input: CreateLotInput!) { createLot(input: $input) { lot { "
			+ LOT_FIELDS + " } " + USER_ERRORS + " } }";

	private static final String ADD_SPOTS = "mutation($input: AddSpotsInput!) { addSpots(input: $input) { spots { "
			+ SPOT_FIELDS + " } " + USER_ERRORS + " } }";

	private static final String SET_SPOT_STATE = "mutation($input: SetSpotStateInput!) { setSpotState(input: $input) "
			+ "{ spot { " + SPOT_FIELDS + " } " + USER_ERRORS + " } }";

	private static final String SET_TARIFF = "mutation($input: SetTariffInput!) { setTariff(input: $input) { tariff { "
			+ "spotClass hourlyRate { amountMinor currency } dailyMaximum { amountMinor currency } "
			+ "minimumCharge { amountMinor currency } } " + USER_ERRORS + " } }";

	private final GraphQlHttp http;

	public LotAdminApi(GraphQlHttp http) {
		this.http = http;
	}

	/** A valid lot input in Berlin's zone with two levels (L0, L1) and no opening hours. */
	public static Map<String, Object> lotInput(String name, double latitude, double longitude) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("name", name);
		input.put("address", new HashMap<>(Map.of("street", "Hauptstr. 1", "city", "Berlin", "postalCode", "10115",
				"countryCode", "DE")));
		input.put("location", new HashMap<>(Map.of("latitude", latitude, "longitude", longitude)));
		input.put("timeZone", "Europe/Berlin");
		input.put("levels", new ArrayList<>(List.of(Map.of("code", "L0", "name", "Ground floor", "ordinal", 0),
				Map.of("code", "L1", "name", "First floor", "ordinal", 1))));
		return input;
	}

	public static Map<String, Object> spot(String code, String spotClass) {
		Map<String, Object> spot = new HashMap<>();
		spot.put("code", code);
		spot.put("spotClass", spotClass);
		return spot;
	}

	public static List<Map<String, Object>> standardSpots(String prefix, int count) {
		List<Map<String, Object>> spots = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			spots.add(spot(prefix + "%03d".formatted(i), "STANDARD"));
		}
		return spots;
	}

	public JsonNode createLot(String token, Map<String, ?> input) {
		return http.execute(token, CREATE_LOT, Map.of("input", input));
	}

	/** Creates the lot and fails the test on any error; returns its id. */
	public String newLot(String token, Map<String, ?> input) {
		return payload(createLot(token, input), "createLot").path("lot").path("id").asString();
	}

	public JsonNode addSpots(String token, String lotId, String levelCode, List<Map<String, Object>> spots) {
		return http.execute(token, ADD_SPOTS,
				Map.of("input", Map.of("lotId", lotId, "levelCode", levelCode, "spots", spots)));
	}

	/** Adds the spots and fails the test on any error; returns their ids in input order. */
	public List<String> newSpots(String token, String lotId, String levelCode, List<Map<String, Object>> spots) {
		return payload(addSpots(token, lotId, levelCode, spots), "addSpots").path("spots")
			.valueStream()
			.map(spot -> spot.path("id").asString())
			.toList();
	}

	public JsonNode setSpotState(String token, Map<String, ?> input) {
		return http.execute(token, SET_SPOT_STATE, Map.of("input", input));
	}

	public JsonNode setTariff(String token, Map<String, ?> input) {
		return http.execute(token, SET_TARIFF, Map.of("input", input));
	}

	public static Map<String, Object> tariffInput(String lotId, String spotClass, long hourly, Long dailyMaximum,
			Long minimum) {
		Map<String, Object> input = new HashMap<>();
		input.put("lotId", lotId);
		input.put("spotClass", spotClass);
		input.put("currency", "EUR");
		input.put("hourlyRateMinor", hourly);
		input.put("dailyMaximumMinor", dailyMaximum);
		input.put("minimumChargeMinor", minimum);
		return input;
	}

	/** The mutation's payload, after checking there were neither GraphQL errors nor user errors. */
	public static JsonNode payload(JsonNode response, String mutation) {
		assertThat(response.path("errors").isMissingNode()).as("GraphQL errors: %s", response).isTrue();
		JsonNode payload = response.path("data").path(mutation);
		assertThat(payload.path("userErrors").size()).as("user errors: %s", payload).isZero();
		return payload;
	}

	/** The names of the lots of a {@code LotConnection}, in order. */
	public static List<String> names(JsonNode connection) {
		return connection.path("edges").valueStream().map(edge -> edge.path("node").path("name").asString()).toList();
	}

	public static String errorType(JsonNode response) {
		return response.path("errors").path(0).path("extensions").path("classification").asString();
	}
}
