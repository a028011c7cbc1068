package org.openparking.api.availability;

import java.util.List;

import org.openparking.api.lots.LotId;
import org.openparking.api.shared.TimeWindow;

/** Free spots of a lot for a whole window; classes the lot has no spot of are left out. */
public record LotAvailability(LotId lotId, TimeWindow window, List<ClassAvailability> byClass) {

	public LotAvailability {
		byClass = List.copyOf(byClass);
	}

	public int totalFree() {
		return byClass.stream().mapToInt(ClassAvailability::free).sum();
	}
}
