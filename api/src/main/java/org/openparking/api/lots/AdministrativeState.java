package org.openparking.api.lots;

public enum AdministrativeState {
	OPEN, CLOSED, OUT_OF_SERVICE
}
