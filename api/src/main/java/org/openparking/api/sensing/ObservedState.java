package org.openparking.api.sensing;

public enum ObservedState {
	FREE, OCCUPIED, UNKNOWN
}
