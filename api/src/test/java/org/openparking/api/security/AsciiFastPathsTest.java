package org.openparking.api.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast paths decide exactly as Spring Security's own checks. */
class AsciiFastPathsTest {

	private final BearerTokenResolver fast = AsciiFastPaths.bearerTokens();

	private final BearerTokenResolver standard = new DefaultBearerTokenResolver();

	@Test
	void resolvesAndRefusesAsTheDefaultResolverDoes() {
		for (String header : List.of("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "bearer abc", "BEARER a-b_c~d+e/f==",
				"Bearer abc=", "Basic dXNlcjpwYXNz", "Bear", "Bearerabc", "Bearer ", "Bearer ===", "Bearer a=b",
				"Bearer  abc", "Bearer abc def", "Bearer é", "Bearer abc\n")) {
			assertThat(outcome(fast, header)).as(header).isEqualTo(outcome(standard, header));
		}
		assertThat(fast.resolve(new MockHttpServletRequest())).isNull();
		assertThat(outcome(fast, "Bearer a=b")).isEqualTo("refused: Bearer token is malformed");
	}

	private static String outcome(BearerTokenResolver resolver, String header) {
		try {
			return "token: " + resolver.resolve(request(header));
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused: " + ex.getMessage();
		}
	}

	@Test
	void headerChecksAgreeWithTheFirewallRules() {
		assertThat(AsciiFastPaths.headerValueAllowed("application/json; charset=utf-8")).isTrue();
		assertThat(AsciiFastPaths.headerValueAllowed("a\tb")).isTrue();
		assertThat(AsciiFastPaths.headerValueAllowed("Grüße")).isTrue(); // not ASCII: the regex decides
		assertThat(AsciiFastPaths.headerValueAllowed("a\nb")).isFalse();
		assertThat(AsciiFastPaths.headerValueAllowed("a\u0000b")).isFalse();
		assertThat(AsciiFastPaths.headerValueAllowed("a\u007fb")).isFalse();
		assertThat(AsciiFastPaths.headerValueAllowed("\u0378")).isFalse(); // unassigned
		assertThat(AsciiFastPaths.headerNameAllowed("X-Request-Id")).isTrue();
		assertThat(AsciiFastPaths.headerNameAllowed("a\tb")).isFalse();
		assertThat(AsciiFastPaths.headerNameAllowed("a\rb")).isFalse();
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.addHeader("Authorization", authorization);
		return request;
	}
}
