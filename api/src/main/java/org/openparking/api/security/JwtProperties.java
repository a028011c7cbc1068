package org.openparking.api.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HS256 signing for local and small deployments. {@link #DEFAULT_SECRET} is public knowledge: the service refuses to
 * start with it under the {@code prod} profile.
 */
@ConfigurationProperties("parking.security.jwt")
public record JwtProperties(@DefaultValue(DEFAULT_SECRET) String secret, @DefaultValue("parking-local") String issuer,
		@DefaultValue("12h") Duration localTokenLifetime) {

	public static final String DEFAULT_SECRET = "local-development-secret-change-me-0123456789abcdef";
}
