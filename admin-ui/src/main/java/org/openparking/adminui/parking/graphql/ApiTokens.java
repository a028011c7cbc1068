package org.openparking.adminui.parking.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.openparking.adminui.security.Caller;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Mints the api's HS256 token for the logged-in user: subject = username (the api's operator id), roles = the
 * user's role. Short-lived, so a disabled user's open views lose the api soon after.
 */
@Component
class ApiTokens {

	private final NimbusJwtEncoder encoder;

	private final JwtProperties jwt;

	private final ApiClientProperties api;

	private final Clock clock;

	ApiTokens(JwtProperties jwt, ApiClientProperties api, Clock clock, Environment environment) {
		if (environment.acceptsProfiles(Profiles.of("prod")) && JwtProperties.DEFAULT_SECRET.equals(jwt.secret())) {
			throw new IllegalStateException(
					"parking.security.jwt.secret (PARKING_SECURITY_JWT_SECRET) must be set in the prod profile");
		}
		byte[] secret = jwt.secret().getBytes(StandardCharsets.UTF_8);
		if (secret.length < 32) {
			throw new IllegalStateException("parking.security.jwt.secret must be at least 32 bytes for HS256");
		}
		this.encoder = NimbusJwtEncoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256")).build();
		this.jwt = jwt;
		this.api = api;
		this.clock = clock;
	}

	String mint(Caller caller) {
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(jwt.issuer())
			.subject(caller.username())
			.issuedAt(now)
			.expiresAt(now.plus(api.tokenLifetime()))
			.claim("roles", List.of(caller.role().name()))
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}
}
