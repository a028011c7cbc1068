package org.openparking.api.sensors.internal;

import java.util.List;

import org.openparking.api.shared.graphql.UserError;

record RemoveSensorPayload(String deviceId, List<UserError> userErrors) {

	static RemoveSensorPayload failed(List<UserError> errors) {
		return new RemoveSensorPayload(null, errors);
	}
}
