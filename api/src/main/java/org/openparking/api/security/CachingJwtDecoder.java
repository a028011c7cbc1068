package org.openparking.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers decoded tokens for a short while: a client sends the same token with every request, and parsing,
 * verifying and converting it again each time was a noticeable share of a cheap mutation's CPU (bin/bench-holds).
 * Only tokens that decoded and validated are kept, and none past its expiry, so nothing is accepted that the
 * delegate would refuse (other than a token revoked by a changed secret, for at most {@code keep}).
 */
final class CachingJwtDecoder implements JwtDecoder {

	private final JwtDecoder delegate;

	private final Cache<String, Jwt> decoded;

	CachingJwtDecoder(JwtDecoder delegate, Duration keep, long maximumTokens, Clock clock) {
		this.delegate = delegate;
		this.decoded = Caffeine.newBuilder().maximumSize(maximumTokens).expireAfter(new Expiry<String, Jwt>() {
			@Override
			public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
				Instant now = clock.instant();
				Instant until = jwt.getExpiresAt() == null ? now.plus(keep) : jwt.getExpiresAt();
				return Math.max(0, Math.min(keep.toNanos(), Duration.between(now, until).toNanos()));
			}

			@Override
			public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
				return currentDuration;
			}

			@Override
			public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
				return currentDuration;
			}
		}).build();
	}

	@Override
	public Jwt decode(String token) {
		return decoded.get(token, delegate::decode);
	}
}
