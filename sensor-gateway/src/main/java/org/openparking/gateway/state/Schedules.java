package org.openparking.gateway.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.redis.connection.RedisZSetCommands.ZAddArgs;
import org.springframework.data.redis.connection.zset.DefaultTuple;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The sweepers' work queues: sorted sets of device ids scored by when something is due (ms, gateway clock).
 * Adding is idempotent; claiming leases members to one caller (gateway-claim.lua).
 */
@Component
class Schedules {

	private final StringRedisTemplate redis;

	private final ScriptRunner scripts;

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> claimScript;

	private final RedisScript<Long> releaseScript;

	@SuppressWarnings("rawtypes")
	Schedules(StringRedisTemplate redis, ScriptRunner scripts, RedisScript<List> claimScript,
			RedisScript<Long> releaseScript) {
		this.redis = redis;
		this.scripts = scripts;
		this.claimScript = claimScript;
		this.releaseScript = releaseScript;
	}

	/**
	 * @param dueByMember member to due time (ms)
	 * @param onlyLater keep a later due time already scheduled
	 */
	void add(String schedule, Map<String, String> dueByMember, boolean onlyLater) {
		if (dueByMember.isEmpty()) {
			return;
		}
		Set<Tuple> tuples = new LinkedHashSet<>();
		dueByMember.forEach((member, due) -> tuples
			.add(new DefaultTuple(member.getBytes(StandardCharsets.UTF_8), Double.valueOf(due))));
		byte[] key = schedule.getBytes(StandardCharsets.UTF_8);
		ZAddArgs args = onlyLater ? ZAddArgs.empty().gt() : ZAddArgs.empty();
		redis.execute((RedisCallback<Long>) connection -> connection.zSetCommands().zAdd(key, tuples, args));
	}

	/** Leases up to {@code limit} due members until {@code leaseEnd}. */
	@SuppressWarnings("unchecked")
	List<String> claim(String schedule, Instant now, Instant leaseEnd, int limit) {
		return (List<String>) scripts.run(claimScript, List.of(new ScriptRunner.Call(List.of(schedule),
				List.of(String.valueOf(now.toEpochMilli()), String.valueOf(leaseEnd.toEpochMilli()),
						String.valueOf(limit)))))
			.getFirst();
	}

	/**
	 * Ends the lease of claimed members: each is removed or rescheduled, unless it was rescheduled meanwhile.
	 *
	 * @param nextDue member to its next due time (ms), or "" to remove it
	 */
	void release(String schedule, Instant leaseEnd, Map<String, String> nextDue) {
		if (nextDue.isEmpty()) {
			return;
		}
		List<String> args = new ArrayList<>(1 + 2 * nextDue.size());
		args.add(String.valueOf(leaseEnd.toEpochMilli()));
		nextDue.forEach((member, due) -> {
			args.add(member);
			args.add(due);
		});
		scripts.run(releaseScript, List.of(new ScriptRunner.Call(List.of(schedule), args)));
	}
}
