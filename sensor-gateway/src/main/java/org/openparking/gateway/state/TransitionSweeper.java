package org.openparking.gateway.state;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openparking.gateway.devices.DeviceRegistry;
import org.openparking.gateway.devices.SensorDevice;
import org.openparking.gateway.handoff.DurableHandoff;
import org.openparking.gateway.handoff.HandedOff;
import org.openparking.gateway.handoff.HandoffUnit;
import org.openparking.gateway.metrics.GatewayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * Carries out the transitions that are due, on whichever instance claims them first: claim (lease) the due devices,
 * run the transition script per device, hand the results off, confirm them in Redis, end the lease. A crash
 * anywhere leaves the devices leased; when the lease ends another instance repeats the round, the scripts re-emit
 * the unconfirmed transition and PostgreSQL collapses the repeat. Each transition therefore happens exactly once.
 */
final class TransitionSweeper {

	private static final Logger log = LoggerFactory.getLogger(TransitionSweeper.class);

	private final Transition transition;

	private final Schedules schedules;

	private final ScriptRunner scripts;

	private final RedisScript<Long> settleScript;

	private final DeviceRegistry registry;

	private final DurableHandoff handoff;

	private final GatewayMetrics metrics;

	private final SweepProperties properties;

	private final Clock clock;

	TransitionSweeper(Transition transition, Schedules schedules, ScriptRunner scripts,
			RedisScript<Long> settleScript, DeviceRegistry registry, DurableHandoff handoff, GatewayMetrics metrics,
			SweepProperties properties, Clock clock) {
		this.transition = transition;
		this.schedules = schedules;
		this.scripts = scripts;
		this.settleScript = settleScript;
		this.registry = registry;
		this.handoff = handoff;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/** Sweeps until nothing more is due; never throws, what failed is retried when its lease ends. */
	void sweep() {
		try {
			while (sweepOnce() == properties.batch()) {
				// a full batch: more may be due
			}
		}
		catch (RuntimeException ex) {
			log.warn("Sweeping {} failed; the claimed devices are retried when their lease ends", transition.schedule(),
					ex);
		}
	}

	private int sweepOnce() {
		Instant now = clock.instant();
		Instant leaseEnd = now.plus(properties.lease());
		List<String> claimed = schedules.claim(transition.schedule(), now, leaseEnd, properties.batch());
		if (claimed.isEmpty()) {
			return 0;
		}
		Map<String, SensorDevice> devices = registry.findAll(claimed);
		List<Object> replies = scripts.run(transition.script(), claimed.stream()
			.map(deviceId -> new ScriptRunner.Call(List.of(GatewayKeys.state(deviceId)),
					List.of(transition.arguments(now))))
			.toList());
		Map<String, String> nextDue = new LinkedHashMap<>();
		Map<String, String> recorded = new LinkedHashMap<>();
		for (int i = 0; i < claimed.size(); i++) {
			if (replies.get(i) instanceof List<?> reply) {
				nextDue.put(claimed.get(i), (String) reply.get(2));
				if (!((String) reply.get(1)).isEmpty()) {
					recorded.put(claimed.get(i), (String) reply.get(1));
				}
			}
		}
		List<HandoffUnit> units = new ArrayList<>();
		recorded.forEach((deviceId, value) -> {
			SensorDevice device = devices.get(deviceId);
			// An unregistered device's transition has nobody to tell; it is settled without a hand-off.
			if (device != null) {
				units.add(transition.unit(value, device, now));
			}
		});
		if (!units.isEmpty()) {
			HandedOff handedOff = handoff.write(units);
			metrics.handedOff(handedOff.inserted());
		}
		scripts.run(settleScript, recorded.entrySet()
			.stream()
			.map(entry -> new ScriptRunner.Call(List.of(GatewayKeys.state(entry.getKey())),
					List.of(transition.pendingField(), entry.getValue())))
			.toList());
		schedules.release(transition.schedule(), leaseEnd, nextDue);
		return claimed.size();
	}
}
