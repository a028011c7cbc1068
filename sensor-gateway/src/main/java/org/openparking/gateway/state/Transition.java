package org.openparking.gateway.state;

import java.time.Instant;
import java.util.List;

import org.openparking.gateway.devices.SensorDevice;
import org.openparking.gateway.handoff.HandoffUnit;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A time-driven state change a sweeper carries out: which schedule feeds it, which script performs it, which state
 * field holds it until its hand-off is confirmed, and what it hands off.
 */
interface Transition {

	String schedule();

	@SuppressWarnings("rawtypes")
	RedisScript<List> script();

	/** The script's ARGV. */
	default String[] arguments(Instant now) {
		return new String[] { String.valueOf(now.toEpochMilli()) };
	}

	/** The field gateway-settle.lua clears once the unit is durable. */
	String pendingField();

	HandoffUnit unit(String recorded, SensorDevice device, Instant now);
}
