package org.openparking.adminui.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sets up test data through the api's public GraphQL endpoint, as a given user (local HS256 secret). */
public final class ApiCalls {

	public static final String LOCAL_SECRET = "local-development-secret-change-me-0123456789abcdef";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String url;

	public ApiCalls(String url) {
		this.url = url;
	}

	public static String token(String subject, String role) {
		NimbusJwtEncoder encoder = NimbusJwtEncoder
			.withSecretKey(new SecretKeySpec(LOCAL_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
			.build();
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("parking-local")
			.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plusSeconds(3600))
			.claim("roles", List.of(role))
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	/** Runs the document; any GraphQL error or user error fails the test. */
	public JsonNode call(String token, String document, Map<String, Object> variables) {
		try {
			String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = JSON.readTree(response.body());
			if (json.has("errors") || response.body().contains("\"userErrors\":[{")) {
				throw new IllegalStateException("api refused " + document + ": " + response.body());
			}
			return json.get("data");
		}
		catch (IOException e) {
			throw new IllegalStateException("api unreachable at " + url, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A lot of the operator with one level L0 and spots A-1…A-n (STANDARD); returns its id and spot ids by code. */
	public JsonNode createLot(String operatorToken, String name, int spots) {
		JsonNode lot = call(operatorToken, """
				mutation($input: CreateLotInput!) { createLot(input: $input) { lot { id } userErrors { message } } }""",
				Map.of("input", Map.of("name", name, "address", Map.of("city", "Berlin", "countryCode", "DE"),
						"location", Map.of("latitude", 52.52, "longitude", 13.405), "timeZone", "Europe/Berlin",
						"levels", List.of(Map.of("code", "L0", "name", "Ground", "ordinal", 0)))));
		String lotId = lot.at("/createLot/lot/id").asString();
		List<Map<String, Object>> spotInputs = new java.util.ArrayList<>();
		for (int i = 1; i <= spots; i++) {
			spotInputs.add(Map.of("code", "A-" + i, "spotClass", "STANDARD"));
		}
		call(operatorToken, """
				mutation($input: AddSpotsInput!) { addSpots(input: $input) { spots { id } userErrors { message } } }""",
				Map.of("input", Map.of("lotId", lotId, "levelCode", "L0", "spots", spotInputs)));
		call(operatorToken, """
				mutation($input: SetTariffInput!) { setTariff(input: $input) { tariff { spotClass } userErrors { message } } }""",
				Map.of("input", Map.of("lotId", lotId, "spotClass", "STANDARD", "currency", "EUR", "hourlyRateMinor",
						250, "minimumChargeMinor", 0)));
		return call(operatorToken, "query($id: ID!) { lot(id: $id) { id levels { spots { id code } } } }",
				Map.of("id", lotId)).get("lot");
	}
}
