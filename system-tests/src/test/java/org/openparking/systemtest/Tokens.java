package org.openparking.systemtest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/** HS256 bearer tokens as the api expects them ({@code sub}, {@code roles}), signed with the system's secret. */
final class Tokens {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final byte[] secret;

	private final String issuer;

	Tokens(String secret, String issuer) {
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		this.issuer = issuer;
	}

	String mint(String subject, String... roles) {
		long now = Instant.now().getEpochSecond();
		String header = base64(JSON.writeValueAsString(Map.of("alg", "HS256", "typ", "JWT")));
		String claims = base64(JSON.writeValueAsString(Map.of("iss", issuer, "sub", subject, "iat", now, "exp",
				now + Duration.ofHours(2).toSeconds(), "roles",
				Arrays.stream(roles).map(String::toUpperCase).collect(Collectors.toList()))));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
			return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}
}
