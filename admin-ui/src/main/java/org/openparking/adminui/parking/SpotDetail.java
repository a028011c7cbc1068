package org.openparking.adminui.parking;

import java.util.List;

/** Everything about one spot: its tile states, its sensor and the bookings and sessions on it now and next. */
public record SpotDetail(String lotId, String lotName, String operatorId, SpotTile spot, SensorInfo sensor,
		List<Stay> stays) {
}
