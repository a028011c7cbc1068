package org.openparking.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * GraphQL over WebSocket: browsers cannot set headers on the handshake, so the token may also come in the
 * {@code connection_init} payload ({@code {"Authorization": "Bearer <jwt>"}}). It is checked like an HTTP bearer
 * token (same decoder and roles); an invalid one closes the connection with 4401. A handshake's Authorization header
 * still works through the HTTP filter chain; a payload token wins over it.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlWebSocketAuthentication {

	@Bean
	AuthenticationWebSocketInterceptor bearerTokenInConnectionInit(JwtDecoder decoder) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(SecurityConfiguration.rolesConverter());
		return new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(),
				new ProviderManager(provider));
	}
}
