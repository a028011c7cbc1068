package org.openparking.adminui.parking;

/** Where an alert is in its life. */
public enum AlertStatus {
	OPEN, ACKNOWLEDGED, RESOLVED
}
