package org.openparking.api.holds;

import java.util.Optional;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;

/**
 * A named spot, or (spot empty) the best-fitting spot of a class in a lot. With a named spot, {@code lot} and
 * {@code spotClass} may be null (they are the spot's); when given they must match the spot.
 */
public record HoldRequest(UserId user, LotId lot, Optional<SpotId> spot, SpotClass spotClass, TimeWindow window) {
}
