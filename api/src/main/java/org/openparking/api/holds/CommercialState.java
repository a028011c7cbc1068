package org.openparking.api.holds;

/** What a spot is sold as at a moment: the commercial dimension of its state. */
public enum CommercialState {
	FREE, HELD, BOOKED, IN_SESSION
}
