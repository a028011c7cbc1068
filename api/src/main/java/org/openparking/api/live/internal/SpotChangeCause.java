package org.openparking.api.live.internal;

/** Why a spot's state changed; sent as the {@code cause} string of {@code SpotStatusEvent}. */
public enum SpotChangeCause {
	HELD, HOLD_RELEASED, HOLD_EXPIRED, BOOKED, CHECKED_IN, BOOKING_RELEASED, SESSION_STARTED, SESSION_ENDED, OPENED,
	CLOSED, OUT_OF_SERVICE
}
