package org.openparking.gateway.state;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.openparking.gateway.support.GatewayIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;

@GatewayIntegrationTest
class ScriptRunnerTest {

	@Autowired
	ScriptRunner scripts;

	@Test
	void loadsAMissingScriptAndRepliesInOrder() {
		// A body Redis has never seen: the first run meets NOSCRIPT, as after a Redis restart or SCRIPT FLUSH.
		@SuppressWarnings("rawtypes")
		RedisScript<List> echo = RedisScript.of("-- " + UUID.randomUUID() + "\nreturn {ARGV[1], KEYS[1]}", List.class);
		List<ScriptRunner.Call> calls = IntStream.range(0, 500)
			.mapToObj(i -> new ScriptRunner.Call(List.of("gateway:{dev:script-test}"), List.of(String.valueOf(i))))
			.toList();

		List<Object> replies = scripts.run(echo, calls);

		assertThat(replies).hasSize(500);
		for (int i = 0; i < 500; i++) {
			assertThat(replies.get(i)).isEqualTo(List.of(String.valueOf(i), "gateway:{dev:script-test}"));
		}
	}
}
