package org.openparking.api.lots.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openparking.api.lots.SpotClass;
import org.openparking.api.shared.graphql.UserErrorCode;

/** What new spots must satisfy; codes are unique within a lot, across all its levels. */
final class NewSpotRules {

	static final int MAX_SPOTS_PER_CALL = 1000;

	private NewSpotRules() {
	}

	/** The rules that need no database; a wrong count is reported alone, before any spot is looked at. */
	static InputErrors check(List<SpotInput> spots) {
		InputErrors errors = new InputErrors();
		if (spots.isEmpty() || spots.size() > MAX_SPOTS_PER_CALL) {
			errors.checkInput(false, "Add between 1 and " + MAX_SPOTS_PER_CALL + " spots at a time", "spots");
			errors.throwIfAny();
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < spots.size(); i++) {
			SpotInput spot = spots.get(i);
			errors.checkText(spot.code(), "code", "spots", i, "code");
			errors.checkOptionalText(spot.zone(), "zone", "spots", i, "zone");
			errors.check(spot.code() == null || codes.add(spot.code()), UserErrorCode.DUPLICATE_CODE,
					"Spot code " + spot.code() + " appears more than once", "spots", i, "code");
			errors.checkInput(spot.spotClass() != SpotClass.EV_CHARGING || spot.evConnector() != null,
					"An EV_CHARGING spot needs an evConnector", "spots", i, "evConnector");
			errors.checkInput(spot.spotClass() != SpotClass.OVERSIZE || spot.maxHeightCm() != null,
					"An OVERSIZE spot needs maxHeightCm", "spots", i, "maxHeightCm");
			errors.checkInput(spot.maxHeightCm() == null || spot.maxHeightCm() > 0, "maxHeightCm must be positive",
					"spots", i, "maxHeightCm");
		}
		return errors;
	}

	static void checkNotTaken(List<SpotInput> spots, Collection<String> taken, InputErrors errors) {
		for (int i = 0; i < spots.size(); i++) {
			errors.check(!taken.contains(spots.get(i).code()), UserErrorCode.DUPLICATE_CODE,
					"The lot already has a spot " + spots.get(i).code(), "spots", i, "code");
		}
	}
}
