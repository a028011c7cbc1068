package org.openparking.simulator.io;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The GraphQL operations the simulator uses, one method each. A payload with user errors becomes an
 * {@link ApiException} whose kind is the first error's code.
 */
public final class ParkingApi {

	private final GraphQlHttp http;

	public ParkingApi(GraphQlHttp http) {
		this.http = http;
	}

	public record SpotRef(String id, String code) {
	}

	public record LotRef(String id, String name, List<SpotRef> spots) {
	}

	// ---- operator -------------------------------------------------------------------------------------------------

	/** The operator's lot of that name with its spots (by code), if it exists; pages through the caller's lots. */
	public LotRef findLot(String token, String name, String operatorId) {
		String after = null;
		do {
			JsonNode lots = http.execute("""
					query($after: String) { managedLots(first: 100, after: $after) {
					  edges { node { id name operatorId } } pageInfo { hasNextPage endCursor } } }""",
					vars("after", after), token).path("managedLots");
			for (JsonNode edge : lots.path("edges")) {
				JsonNode lot = edge.path("node");
				if (lot.path("name").asString().equals(name) && lot.path("operatorId").asString().equals(operatorId)) {
					return lot(token, lot.path("id").asString());
				}
			}
			after = lots.path("pageInfo").path("hasNextPage").asBoolean() ? lots.path("pageInfo").path("endCursor")
				.asString() : null;
		}
		while (after != null);
		return null;
	}

	public LotRef lot(String token, String lotId) {
		JsonNode lot = http.execute("query($id: ID!) { lot(id: $id) { id name levels { spots { id code } } } }",
				vars("id", lotId), token).path("lot");
		if (lot.isMissingNode() || lot.isNull()) {
			throw new ApiException("NOT_FOUND", "no lot " + lotId);
		}
		List<SpotRef> spots = new ArrayList<>();
		lot.path("levels").forEach(level -> level.path("spots")
			.forEach(spot -> spots.add(new SpotRef(spot.path("id").asString(), spot.path("code").asString()))));
		spots.sort(java.util.Comparator.comparing(SpotRef::code));
		return new LotRef(lot.path("id").asString(), lot.path("name").asString(), spots);
	}

	public String createLot(String token, String name, double latitude, double longitude, String timeZone) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("name", name);
		input.put("address", Map.of("street", "Simulated Street 1", "city", "Simtown", "countryCode", "DE"));
		input.put("location", Map.of("latitude", latitude, "longitude", longitude));
		input.put("timeZone", timeZone);
		input.put("levels", List.of(Map.of("code", "L0", "name", "Ground", "ordinal", 0)));
		JsonNode payload = payload(http.execute("""
				mutation($input: CreateLotInput!) { createLot(input: $input) {
				  lot { id } userErrors { code message } } }""", vars("input", input), token), "createLot");
		return payload.path("lot").path("id").asString();
	}

	public void addSpots(String token, String lotId, List<String> codes) {
		for (int start = 0; start < codes.size(); start += 1000) {
			List<Map<String, Object>> spots = codes.subList(start, Math.min(codes.size(), start + 1000))
				.stream()
				.map(code -> Map.<String, Object>of("code", code, "spotClass", "STANDARD"))
				.toList();
			payload(http.execute("""
					mutation($input: AddSpotsInput!) { addSpots(input: $input) { spots { id } userErrors { code message } } }""",
					vars("input", Map.of("lotId", lotId, "levelCode", "L0", "spots", spots)), token), "addSpots");
		}
	}

	public void setTariff(String token, String lotId, int hourlyRateMinor) {
		payload(http.execute("""
				mutation($input: SetTariffInput!) { setTariff(input: $input) { tariff { spotClass } userErrors { code message } } }""",
				vars("input", Map.of("lotId", lotId, "spotClass", "STANDARD", "currency", "EUR", "hourlyRateMinor",
						hourlyRateMinor, "dailyMaximumMinor", hourlyRateMinor * 10)),
				token), "setTariff");
	}

	public void registerSensor(String token, String deviceId, String spotId, String model) {
		payload(http.execute("""
				mutation($input: RegisterSensorInput!) { registerSensor(input: $input) {
				  sensor { deviceId } userErrors { code message } } }""",
				vars("input", Map.of("deviceId", deviceId, "spotId", spotId, "model", model)), token),
				"registerSensor");
	}

	// ---- driver ---------------------------------------------------------------------------------------------------

	public int searchSpots(String token, String lotId, Instant from, Instant to) {
		JsonNode result = http.execute("""
				query($input: SpotSearchInput!) { searchSpots(input: $input, first: 10) {
				  edges { node { spot { id } price { amountMinor } } } } }""",
				vars("input", Map.of("lotId", lotId, "from", from.toString(), "to", to.toString())), token);
		return result.path("searchSpots").path("edges").size();
	}

	public long quote(String token, String lotId, Instant from, Instant to) {
		JsonNode payload = payload(http.execute("""
				query($input: QuoteInput!) { quote(input: $input) { quote { price { amountMinor } } userErrors { code message } } }""",
				vars("input", Map.of("lotId", lotId, "spotClass", "STANDARD", "from", from.toString(), "to",
						to.toString())),
				token), "quote");
		return payload.path("quote").path("price").path("amountMinor").asLong();
	}

	public String holdSpot(String token, String spotId, Instant from, Instant to) {
		return payload(http.execute("""
				mutation($input: HoldSpotInput!) { holdSpot(input: $input) { hold { id } userErrors { code message } } }""",
				vars("input", Map.of("spotId", spotId, "from", from.toString(), "to", to.toString())), token),
				"holdSpot").path("hold").path("id").asString();
	}

	public String confirmBooking(String token, String holdId, String paymentToken, String plate) {
		return payload(http.execute("""
				mutation($input: ConfirmBookingInput!) { confirmBooking(input: $input) {
				  booking { id status } userErrors { code message } } }""",
				vars("input", Map.of("holdId", holdId, "paymentMethodToken", paymentToken, "vehiclePlate", plate)),
				token), "confirmBooking").path("booking").path("id").asString();
	}

	public String bookingStatus(String token, String bookingId) {
		return http.execute("query($id: ID!) { booking(id: $id) { status } }", vars("id", bookingId), token)
			.path("booking")
			.path("status")
			.asString("");
	}

	public void cancelBooking(String token, String bookingId) {
		payload(http.execute("""
				mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { id } userErrors { code message } } }""",
				vars("input", Map.of("bookingId", bookingId, "reason", "plans changed")), token), "cancelBooking");
	}

	public void extendBooking(String token, String bookingId, Instant newTo, String paymentToken) {
		payload(http.execute("""
				mutation($input: ExtendBookingInput!) { extendBooking(input: $input) { booking { id } userErrors { code message } } }""",
				vars("input", Map.of("bookingId", bookingId, "newTo", newTo.toString(), "paymentMethodToken",
						paymentToken)),
				token), "extendBooking");
	}

	public String startSession(String token, String lotId, String spotId, String plate) {
		return payload(http.execute("""
				mutation($input: StartSessionInput!) { startSession(input: $input) {
				  session { id } userErrors { code message } } }""",
				vars("input", Map.of("lotId", lotId, "spotId", spotId, "vehiclePlate", plate)), token),
				"startSession").path("session").path("id").asString();
	}

	public void endSession(String token, String paymentToken) {
		payload(http.execute("""
				mutation($input: EndSessionInput!) { endSession(input: $input) { session { id } userErrors { code message } } }""",
				vars("input", Map.of("paymentMethodToken", paymentToken)), token), "endSession");
	}

	/** The payload of a mutation; its first user error as an exception. */
	private static JsonNode payload(JsonNode data, String field) {
		JsonNode payload = data.path(field);
		JsonNode errors = payload.path("userErrors");
		if (errors.isArray() && !errors.isEmpty()) {
			throw new ApiException(errors.get(0).path("code").asString("USER_ERROR"),
					field + ": " + errors.get(0).path("message").asString(""));
		}
		return payload;
	}

	private static Map<String, Object> vars(String name, Object value) {
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put(name, value);
		return vars;
	}
}
