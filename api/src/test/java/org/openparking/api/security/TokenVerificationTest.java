package org.openparking.api.security;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenVerificationTest {

	private final JwtProperties local = properties(JwtProperties.DEFAULT_SECRET, "parking-local");

	private final JwtDecoder decoder = SecurityConfiguration.verifying(local);

	@Test
	void acceptsATokenOfTheConfiguredIssuerAndKeepsTheIssuerAsText() {
		Jwt jwt = decoder.decode(tokens(local).mint("driver-1", Role.DRIVER));

		assertThat(jwt.getSubject()).isEqualTo("driver-1");
		assertThat(jwt.getClaims().get(JwtClaimNames.ISS)).isEqualTo("parking-local");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("DRIVER");
	}

	@Test
	void anIssuerThatIsAUrlIsComparedAsText() {
		JwtProperties issuedByUrl = properties(JwtProperties.DEFAULT_SECRET, "https://auth.example.com/parking");

		Jwt jwt = SecurityConfiguration.verifying(issuedByUrl).decode(tokens(issuedByUrl).mint("driver-2"));

		assertThat(jwt.getClaims().get(JwtClaimNames.ISS)).isEqualTo("https://auth.example.com/parking");
	}

	@Test
	void refusesATokenOfAnotherIssuer() {
		String foreign = tokens(properties(JwtProperties.DEFAULT_SECRET, "someone-else")).mint("driver-3");

		assertThatThrownBy(() -> decoder.decode(foreign)).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("iss");
	}

	@Test
	void refusesATokenSignedWithAnotherSecret() {
		String forged = tokens(properties("another-secret-of-at-least-thirty-two-bytes", "parking-local"))
			.mint("driver-4");

		assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
	}

	private static JwtProperties properties(String secret, String issuer) {
		return new JwtProperties(secret, issuer, Duration.ofHours(1));
	}

	private static LocalTokens tokens(JwtProperties properties) {
		return new LocalTokens(properties, Clock.systemUTC());
	}
}
