package org.openparking.api.sensing;

/** Where an observed state comes from: a reading, a sensor gone silent, or no sensor on the spot at all. */
public enum ObservationSource {
	SENSOR, COMMS_LOST, NO_SENSOR
}
