package org.openparking.gateway.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One bean per Lua script of the schema module (redis/gateway-*.lua), read once at start-up. A script built on the
 * resource itself asks the resource for its last-modified time on every call (to re-hash a changed file); inside
 * the executable jar that lookup throws and catches an exception each time, about 120 a second under load.
 */
@Configuration(proxyBeanMethods = false)
class GatewayScripts {

	@Bean
	@SuppressWarnings("rawtypes")
	RedisScript<List> readingScript() {
		return load("gateway-reading", List.class);
	}

	@Bean
	@SuppressWarnings("rawtypes")
	RedisScript<List> promoteScript() {
		return load("gateway-promote", List.class);
	}

	@Bean
	@SuppressWarnings("rawtypes")
	RedisScript<List> commsLostScript() {
		return load("gateway-comms-lost", List.class);
	}

	@Bean
	RedisScript<Long> settleScript() {
		return load("gateway-settle", Long.class);
	}

	@Bean
	@SuppressWarnings("rawtypes")
	RedisScript<List> claimScript() {
		return load("gateway-claim", List.class);
	}

	@Bean
	RedisScript<Long> releaseScript() {
		return load("gateway-release", Long.class);
	}

	private static <T> RedisScript<T> load(String name, Class<T> resultType) {
		try {
			return RedisScript.of(new ClassPathResource("redis/" + name + ".lua").getContentAsString(
					StandardCharsets.UTF_8), resultType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing Lua script redis/" + name + ".lua", ex);
		}
	}
}
