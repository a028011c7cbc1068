package org.openparking.adminui.parking;

/** What the spot is sold as right now. */
public enum CommercialState {
	FREE, HELD, BOOKED, IN_SESSION
}
