package org.openparking.api.lots.internal;

import java.util.List;

import org.openparking.api.lots.LotView;
import org.openparking.api.shared.graphql.UserError;

record CreateLotPayload(LotView lot, List<UserError> userErrors) {

	static CreateLotPayload failed(List<UserError> errors) {
		return new CreateLotPayload(null, errors);
	}
}
