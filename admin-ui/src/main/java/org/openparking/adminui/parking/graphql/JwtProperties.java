package org.openparking.adminui.parking.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The api's token settings (same names and environment variables as the api's, so one setting serves both). */
@ConfigurationProperties("parking.security.jwt")
record JwtProperties(@DefaultValue(DEFAULT_SECRET) String secret, @DefaultValue("parking-local") String issuer) {

	static final String DEFAULT_SECRET = "local-development-secret-change-me-0123456789abcdef";
}
