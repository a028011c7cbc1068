package org.openparking.api.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The GraphQL endpoint itself is open: anonymous callers may browse lots, and each operation states what it needs
 * ({@code @PreAuthorize}), so denials come back as typed GraphQL errors (UNAUTHORIZED / FORBIDDEN).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** How long a decoded token is reused, and for how many tokens (about 1 KiB each). */
	private static final Duration DECODED_TOKENS_KEPT = Duration.ofMinutes(5);

	private static final long DECODED_TOKENS_MAXIMUM = 100_000;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		// Bearer tokens only: no cookies, no HTTP session, nothing to log out of or to save for after a login. The
		// filters for those would only be passed through by every request.
		return http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.permitAll())
			.oauth2ResourceServer(server -> server.bearerTokenResolver(AsciiFastPaths.bearerTokens())
				.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter())))
			.build();
	}

	@Bean
	WebSecurityCustomizer asciiFastFirewall() {
		return web -> web.httpFirewall(AsciiFastPaths.firewall());
	}

	/**
	 * No observation of each security filter, authentication and authorisation. Switching them off in
	 * application.yaml left every filter wrapped in a no-op observation, still about 6% of a holdSpot's CPU
	 * (bin/bench-holds); http.server.requests measures the whole request anyway.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	JwtDecoder jwtDecoder(JwtProperties properties, Environment environment, Clock clock) {
		if (environment.acceptsProfiles(Profiles.of("prod")) && JwtProperties.DEFAULT_SECRET.equals(properties.secret())) {
			throw new IllegalStateException(
					"parking.security.jwt.secret (PARKING_SECURITY_JWT_SECRET) must be set in the prod profile");
		}
		return new CachingJwtDecoder(verifying(properties), DECODED_TOKENS_KEPT, DECODED_TOKENS_MAXIMUM, clock);
	}

	/**
	 * Verifies the HS256 signature and the issuer. The issuer stays text: Spring Security first tries every {@code iss}
	 * as a URL, and for a plain name such as the default {@code parking-local} that attempt throws and catches an
	 * exception, with a stack trace through the whole filter chain, on the first request of every token (19,685 in
	 * one bin/bench-holds run's JFR recording). The issuer check compares text anyway.
	 */
	static NimbusJwtDecoder verifying(JwtProperties properties) {
		byte[] secret = properties.secret().getBytes(StandardCharsets.UTF_8);
		if (secret.length < 32) {
			throw new IllegalStateException("parking.security.jwt.secret must be at least 32 bytes for HS256");
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		Arrays.fill(secret, (byte) 0);
		decoder.setClaimSetConverter(MappedJwtClaimSetConverter
			.withDefaults(Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.issuer())));
		return decoder;
	}

	static JwtAuthenticationConverter rolesConverter() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}
}
