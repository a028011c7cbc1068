package org.openparking.simulator.io;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * Local HS256 tokens as the API's resource server expects them (security.SecurityConfiguration, bin/MintToken.java):
 * {@code iss} the configured issuer, {@code sub} the user, {@code roles} the role names.
 */
public record Tokens(String secret, String issuer, Duration lifetime) {

	public static final String DEFAULT_SECRET = "local-development-secret-change-me-0123456789abcdef";
	public static final String DEFAULT_ISSUER = "parking-local";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public Tokens {
		if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
			throw new IllegalArgumentException("the HS256 secret must be at least 32 bytes");
		}
	}

	public String mint(String subject, List<String> roles, Instant now) {
		String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		var claims = new java.util.LinkedHashMap<String, Object>();
		claims.put("iss", issuer);
		claims.put("sub", subject);
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.plus(lifetime).getEpochSecond());
		claims.put("roles", roles.stream().map(String::toUpperCase).toList());
		String body = b64(JSON.writeValueAsBytes(claims));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return header + "." + body + "."
					+ b64(mac.doFinal((header + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
