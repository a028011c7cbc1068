package org.openparking.api.sensors.internal;

import java.util.List;

import org.openparking.api.sensors.SensorView;
import org.openparking.api.shared.graphql.UserError;

record RegisterSensorPayload(SensorView sensor, List<UserError> userErrors) {

	static RegisterSensorPayload failed(List<UserError> errors) {
		return new RegisterSensorPayload(null, errors);
	}
}
