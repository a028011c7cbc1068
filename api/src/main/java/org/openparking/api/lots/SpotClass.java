package org.openparking.api.lots;

public enum SpotClass {
	STANDARD, EV_CHARGING, ACCESSIBLE, MOTORCYCLE, OVERSIZE
}
