package org.openparking.gateway.handoff;

/** What an observation says; the sensor_observation table checks the same list. */
public enum ObservationKind {
	/** The spot's occupancy changed and stayed so for the debounce window. */
	OCCUPANCY,
	/** The sensor missed its heartbeat deadline: the spot's observed state is unknown until it returns. */
	COMMS_LOST,
	/** A lost sensor was heard from again. */
	COMMS_RESTORED,
	/** The sensor's battery fell below its model's threshold (raised once until it recovers). */
	LOW_BATTERY,
	/** The sensor (re)booted. */
	STARTUP
}
