package org.openparking.api.holds;

public enum ClaimKind {
	HOLD, BOOKING, SESSION
}
