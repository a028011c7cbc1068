package org.openparking.gateway.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.openparking.gateway.devices.SensorDevice;
import org.openparking.gateway.handoff.CommsLoss;
import org.openparking.gateway.handoff.HandoffUnit;

import org.springframework.data.redis.core.script.RedisScript;

/** A device silent past its model's heartbeat timeout is lost; its spot's state becomes unknown (gateway-comms-lost.lua). */
@SuppressWarnings("rawtypes")
record Loss(RedisScript<List> script, Duration keepLostState) implements Transition {

	@Override
	public String[] arguments(Instant now) {
		return new String[] { String.valueOf(now.toEpochMilli()), String.valueOf(keepLostState.toMillis()) };
	}

	@Override
	public String schedule() {
		return GatewayKeys.COMMS_SCHEDULE;
	}

	@Override
	public String pendingField() {
		return "out_lost";
	}

	@Override
	public HandoffUnit unit(String recorded, SensorDevice device, Instant now) {
		return HandoffUnit.transition(ObservationCodes.ofLoss(recorded, device, now),
				new CommsLoss(device.deviceId(), ObservationCodes.lossDeadline(recorded)));
	}
}
