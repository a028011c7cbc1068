package org.openparking.api.lots.internal;

import java.util.List;

import org.openparking.api.lots.SpotView;
import org.openparking.api.shared.graphql.UserError;

record SetSpotStatePayload(SpotView spot, List<UserError> userErrors) {

	static SetSpotStatePayload failed(List<UserError> errors) {
		return new SetSpotStatePayload(null, errors);
	}
}
