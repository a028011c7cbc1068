package org.openparking.adminui.parking;

/** What the spot's sensor says (UNKNOWN: no sensor, or it went silent). */
public enum ObservedState {
	FREE, OCCUPIED, UNKNOWN
}
