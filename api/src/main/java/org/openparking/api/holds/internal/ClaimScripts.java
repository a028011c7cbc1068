package org.openparking.api.holds.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One {@link RedisScript} bean per Lua file under {@code redis/} (from the schema module), in the manner of Spring
 * Cloud Gateway's rate limiter: loaded once, run with EVALSHA, time passed in ARGV. {@code claims-lib.lua} is
 * prepended to each script so the claim encoding and the search for the next live claim exist once.
 * <p>
 * After a Redis restart or SCRIPT FLUSH the server answers NOSCRIPT; Spring Data Redis' script executor then falls
 * back to EVAL, which loads the script again ({@code RebuildAndSweepScriptsTest} proves it).
 */
@Configuration(proxyBeanMethods = false)
@SuppressWarnings("rawtypes")
class ClaimScripts {

	@Bean
	RedisScript<List> holdScript() {
		return load("hold", List.class);
	}

	@Bean
	RedisScript<Long> releaseHoldScript() {
		return load("release-hold", Long.class);
	}

	@Bean
	RedisScript<List> convertHoldScript() {
		return load("convert-hold", List.class);
	}

	@Bean
	RedisScript<List> extendBookingScript() {
		return load("extend-booking", List.class);
	}

	@Bean
	RedisScript<Long> releaseClaimScript() {
		return load("release-claim", Long.class);
	}

	@Bean
	RedisScript<List> claimSessionScript() {
		return load("claim-session", List.class);
	}

	@Bean
	RedisScript<List> blockOccupiedScript() {
		return load("block-occupied", List.class);
	}

	@Bean
	RedisScript<List> claimedDuringScript() {
		return load("claimed-during", List.class);
	}

	@Bean
	RedisScript<List> freeDuringScript() {
		return load("free-during", List.class);
	}

	@Bean
	RedisScript<List> statesAtScript() {
		return load("states-at", List.class);
	}

	@Bean
	RedisScript<Long> rebuildLotScript() {
		return load("rebuild-lot", Long.class);
	}

	@Bean
	RedisScript<List> sweepExpiredScript() {
		return load("sweep-expired", List.class);
	}

	private static <T> RedisScript<T> load(String name, Class<T> resultType) {
		return RedisScript.of(read("claims-lib") + read(name), resultType);
	}

	private static String read(String name) {
		try {
			return new ClassPathResource("redis/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing Lua script redis/" + name + ".lua", ex);
		}
	}
}
