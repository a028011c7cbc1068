package org.openparking.gateway.state;

/**
 * Every Redis key of the gateway, built here only. A device's state is one hash tagged {dev:<id>}, so each per-device
 * script touches a single Redis Cluster slot; the two schedules are single keys of their own.
 */
final class GatewayKeys {

	/** Devices with a pending occupancy change, scored by when it is due (ms). */
	static final String DEBOUNCE_SCHEDULE = "gateway:debounce-due";

	/** Devices scored by their heartbeat deadline (ms). */
	static final String COMMS_SCHEDULE = "gateway:comms-deadline";

	private GatewayKeys() {
	}

	/** Hash: last applied seq and time, confirmed and pending occupancy, comms and battery flags, recent readings. */
	static String state(String deviceId) {
		return "gateway:{dev:" + deviceId + "}";
	}
}
