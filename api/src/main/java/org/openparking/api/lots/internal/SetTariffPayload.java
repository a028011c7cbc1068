package org.openparking.api.lots.internal;

import java.util.List;

import org.openparking.api.lots.TariffView;
import org.openparking.api.shared.graphql.UserError;

record SetTariffPayload(TariffView tariff, List<UserError> userErrors) {

	static SetTariffPayload failed(List<UserError> errors) {
		return new SetTariffPayload(null, errors);
	}
}
