package org.openparking.adminui.parking;

import java.util.Map;

/** A lot as the overview shows it. */
public record LotSummary(String id, String name, String operatorId, String city, int totalSpots,
		Map<SpotClass, Integer> freeByClass, int occupied, int observedFree, int unknown, double occupancyPercent,
		int activeAlerts) {

	public int freeTotal() {
		return freeByClass.values().stream().mapToInt(Integer::intValue).sum();
	}
}
