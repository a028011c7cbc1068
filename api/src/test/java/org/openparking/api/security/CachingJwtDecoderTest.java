package org.openparking.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

	private final Instant now = Instant.now();

	private final AtomicInteger decodes = new AtomicInteger();

	@Test
	void decodesEachTokenOnce() {
		JwtDecoder decoder = caching(token -> jwt(token, now.plus(Duration.ofHours(1))));

		Jwt first = decoder.decode("a");
		Jwt again = decoder.decode("a");
		decoder.decode("b");

		assertThat(again).isSameAs(first);
		assertThat(decodes).hasValue(2);
	}

	@Test
	void keepsNoRefusedToken() {
		JwtDecoder decoder = caching(token -> {
			throw new BadJwtException("bad signature");
		});

		assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThat(decodes).hasValue(2);
	}

	@Test
	void keepsNoTokenPastItsExpiry() {
		JwtDecoder decoder = caching(token -> jwt(token, now.minusSeconds(1)));

		decoder.decode("expired-meanwhile");
		decoder.decode("expired-meanwhile");

		assertThat(decodes).hasValue(2);
	}

	private JwtDecoder caching(JwtDecoder delegate) {
		JwtDecoder counting = token -> {
			decodes.incrementAndGet();
			return delegate.decode(token);
		};
		return new CachingJwtDecoder(counting, Duration.ofMinutes(5), 100, Clock.fixed(now, ZoneOffset.UTC));
	}

	private Jwt jwt(String token, Instant expiresAt) {
		return Jwt.withTokenValue(token).header("alg", "HS256").subject("driver").issuedAt(now.minusSeconds(60))
			.expiresAt(expiresAt).build();
	}
}
