package org.openparking.adminui.parking;

/** Spot classes, as in the api's contract. */
public enum SpotClass {
	STANDARD, EV_CHARGING, ACCESSIBLE, MOTORCYCLE, OVERSIZE
}
