package org.openparking.adminui.parking;

/** What an alert is about. */
public enum AlertKind {
	UNEXPECTED_OCCUPANCY, NO_SHOW, CHECKED_IN, OVERSTAY, SESSION_LEFT_OPEN, SENSOR_OFFLINE, LOW_BATTERY
}
