package org.openparking.gateway.state;

import java.time.Instant;
import java.util.List;

import org.openparking.gateway.devices.SensorDevice;
import org.openparking.gateway.handoff.HandoffUnit;

import org.springframework.data.redis.core.script.RedisScript;

/** A pending occupancy change that held for the debounce window counts (gateway-promote.lua). */
@SuppressWarnings("rawtypes")
record Promotion(RedisScript<List> script) implements Transition {

	@Override
	public String schedule() {
		return GatewayKeys.DEBOUNCE_SCHEDULE;
	}

	@Override
	public String pendingField() {
		return "out_occ";
	}

	@Override
	public HandoffUnit unit(String recorded, SensorDevice device, Instant now) {
		return HandoffUnit.transition(ObservationCodes.ofPromotion(recorded, device), null);
	}
}
