package org.openparking.adminui.parking;

/** Whether the operator lets the spot be used. */
public enum AdministrativeState {
	OPEN, CLOSED, OUT_OF_SERVICE
}
