package org.openparking.api.sessions;

public enum SessionStatus {
	ACTIVE, COMPLETED
}
