package org.openparking.api.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Mints HS256 tokens with the configured secret: for tests, benchmarks and local development only. */
@Component
public class LocalTokens {

	private final NimbusJwtEncoder encoder;

	private final JwtProperties properties;

	private final Clock clock;

	LocalTokens(JwtProperties properties, Clock clock) {
		this.encoder = NimbusJwtEncoder
			.withSecretKey(new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
			.build();
		this.properties = properties;
		this.clock = clock;
	}

	public String mint(String subject, Role... roles) {
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(properties.issuer())
			.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plus(properties.localTokenLifetime()))
			.claim("roles", java.util.Arrays.stream(roles).map(Role::name).toList())
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

}
