package org.openparking.api.availability;

import org.openparking.api.lots.LotId;
import org.openparking.api.shared.TimeWindow;

/**
 * Free spot counts, for other modules (for example live availability events). A spot is free for a window when it
 * is open and no live booking, active session or live hold claims any part of the window.
 */
public interface SpotAvailability {

	LotAvailability during(LotId lot, TimeWindow window);
}
