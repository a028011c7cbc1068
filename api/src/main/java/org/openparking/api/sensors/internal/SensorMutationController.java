package org.openparking.api.sensors.internal;

import java.util.List;
import java.util.function.Function;

import org.openparking.api.security.Caller;
import org.openparking.api.shared.graphql.UserError;
import org.openparking.api.shared.idempotency.IdempotentMutations;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Operators register devices on their own spots; who owns the lot is checked in {@link SensorRegistration}. */
@Controller
class SensorMutationController {

	private static final String OPERATOR_OR_ADMIN = "hasAnyRole('OPERATOR','ADMIN')";

	private final IdempotentMutations mutations;

	private final SensorRegistration registration;

	SensorMutationController(IdempotentMutations mutations, SensorRegistration registration) {
		this.mutations = mutations;
		this.registration = registration;
	}

	@MutationMapping
	@PreAuthorize(OPERATOR_OR_ADMIN)
	RegisterSensorPayload registerSensor(@Argument RegisterSensorInput input) {
		return run("registerSensor", input.idempotencyKey(), input, RegisterSensorPayload.class,
				RegisterSensorPayload::failed,
				caller -> new RegisterSensorPayload(registration.register(caller, input), List.of()));
	}

	@MutationMapping
	@PreAuthorize(OPERATOR_OR_ADMIN)
	RemoveSensorPayload removeSensor(@Argument RemoveSensorInput input) {
		return run("removeSensor", input.idempotencyKey(), input, RemoveSensorPayload.class,
				RemoveSensorPayload::failed,
				caller -> new RemoveSensorPayload(registration.remove(caller, input), List.of()));
	}

	private <P> P run(String operation, String idempotencyKey, Object input, Class<P> payloadType,
			Function<List<UserError>, P> failed, Function<Caller, P> action) {
		Caller caller = Caller.current();
		return mutations.executeOrRefuse(caller.id(), idempotencyKey, operation, input, payloadType, failed,
				() -> action.apply(caller));
	}
}
