package org.openparking.gateway.state;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** One bean per Lua script of the schema module (redis/gateway-*.lua). */
@Configuration(proxyBeanMethods = false)
class GatewayScripts {

	@Bean
	@SuppressWarnings("rawtypes")
	RedisScript<List> readingScript() {
		return script("gateway-reading.lua");
	}

	@Bean
	@SuppressWarnings("rawtypes")
	RedisScript<List> promoteScript() {
		return script("gateway-promote.lua");
	}

	@Bean
	@SuppressWarnings("rawtypes")
	RedisScript<List> commsLostScript() {
		return script("gateway-comms-lost.lua");
	}

	@Bean
	RedisScript<Long> settleScript() {
		return RedisScript.of(new ClassPathResource("redis/gateway-settle.lua"), Long.class);
	}

	@Bean
	@SuppressWarnings("rawtypes")
	RedisScript<List> claimScript() {
		return script("gateway-claim.lua");
	}

	@Bean
	RedisScript<Long> releaseScript() {
		return RedisScript.of(new ClassPathResource("redis/gateway-release.lua"), Long.class);
	}

	@SuppressWarnings("rawtypes")
	private static RedisScript<List> script(String name) {
		return RedisScript.of(new ClassPathResource("redis/" + name), List.class);
	}
}
