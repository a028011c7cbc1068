package org.openparking.api.lots.internal;

import java.util.List;

import org.openparking.api.lots.SpotView;
import org.openparking.api.shared.graphql.UserError;

record AddSpotsPayload(List<SpotView> spots, List<UserError> userErrors) {

	static AddSpotsPayload failed(List<UserError> errors) {
		return new AddSpotsPayload(List.of(), errors);
	}
}
