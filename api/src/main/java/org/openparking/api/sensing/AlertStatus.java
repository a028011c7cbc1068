package org.openparking.api.sensing;

public enum AlertStatus {
	OPEN, ACKNOWLEDGED, RESOLVED;

	public boolean isActive() {
		return this != RESOLVED;
	}
}
