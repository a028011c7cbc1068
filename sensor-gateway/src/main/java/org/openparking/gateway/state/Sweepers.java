package org.openparking.gateway.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.openparking.gateway.devices.DeviceRegistry;
import org.openparking.gateway.handoff.DurableHandoff;
import org.openparking.gateway.metrics.GatewayMetrics;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Runs the debounce and heartbeat sweepers on every instance; the claims keep them from doing anything twice. */
@Component
class Sweepers implements SmartLifecycle {

	private final List<TransitionSweeper> sweepers;

	private final TaskScheduler scheduler;

	private final SweepProperties properties;

	private final List<ScheduledFuture<?>> running = new ArrayList<>();

	@SuppressWarnings("rawtypes")
	Sweepers(RedisScript<List> promoteScript, RedisScript<List> commsLostScript, RedisScript<Long> settleScript,
			Schedules schedules, ScriptRunner scripts, DeviceRegistry registry, DurableHandoff handoff,
			GatewayMetrics metrics, SweepProperties properties, ReconciliationProperties reconciliation, Clock clock,
			TaskScheduler scheduler) {
		this.sweepers = List.of(new Promotion(promoteScript), new Loss(commsLostScript, reconciliation.lostStateTtl()))
			.stream()
			.map(transition -> new TransitionSweeper(transition, schedules, scripts, settleScript, registry, handoff,
					metrics, properties, clock))
			.toList();
		this.scheduler = scheduler;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		sweepers.forEach(
				sweeper -> running.add(scheduler.scheduleWithFixedDelay(sweeper::sweep, properties.interval())));
	}

	@Override
	public synchronized void stop() {
		running.forEach(future -> future.cancel(false));
		running.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !running.isEmpty();
	}
}
