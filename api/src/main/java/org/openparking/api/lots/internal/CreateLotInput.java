package org.openparking.api.lots.internal;

import java.util.List;

import org.openparking.api.lots.LotView;

record CreateLotInput(String name, LotView.Address address, LotView.Location location, String timeZone,
		Integer maxHeightCm, List<OpeningHoursView> openingHours, List<LevelInput> levels, String operatorId,
		String idempotencyKey) {

	record LevelInput(String code, String name, int ordinal) {
	}
}
