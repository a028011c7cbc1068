package org.openparking.api.lots.internal;

import java.util.List;
import java.util.function.Function;

import org.openparking.api.security.Caller;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserError;
import org.openparking.api.shared.idempotency.IdempotentMutations;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The operator mutations. The role is checked here; that the lot is the caller's own is checked inside each use case,
 * once the lot is loaded. Both fail as GraphQL errors (FORBIDDEN), business rules as user errors.
 */
@Controller
class LotAdministrationController {

	private static final String OPERATOR_OR_ADMIN = "hasAnyRole('OPERATOR','ADMIN')";

	private final IdempotentMutations mutations;

	private final LotRegistration registration;

	private final SpotProvisioning provisioning;

	private final SpotStates spotStates;

	private final TariffSetting tariffSetting;

	LotAdministrationController(IdempotentMutations mutations, LotRegistration registration,
			SpotProvisioning provisioning, SpotStates spotStates, TariffSetting tariffSetting) {
		this.mutations = mutations;
		this.registration = registration;
		this.provisioning = provisioning;
		this.spotStates = spotStates;
		this.tariffSetting = tariffSetting;
	}

	@MutationMapping
	@PreAuthorize(OPERATOR_OR_ADMIN)
	CreateLotPayload createLot(@Argument CreateLotInput input) {
		return run("createLot", input.idempotencyKey(), input, CreateLotPayload.class, CreateLotPayload::failed,
				caller -> new CreateLotPayload(registration.register(caller, input), List.of()));
	}

	@MutationMapping
	@PreAuthorize(OPERATOR_OR_ADMIN)
	AddSpotsPayload addSpots(@Argument AddSpotsInput input) {
		return run("addSpots", input.idempotencyKey(), input, AddSpotsPayload.class, AddSpotsPayload::failed,
				caller -> new AddSpotsPayload(provisioning.add(caller, input), List.of()));
	}

	@MutationMapping
	@PreAuthorize(OPERATOR_OR_ADMIN)
	SetSpotStatePayload setSpotState(@Argument SetSpotStateInput input) {
		return run("setSpotState", input.idempotencyKey(), input, SetSpotStatePayload.class,
				SetSpotStatePayload::failed,
				caller -> new SetSpotStatePayload(spotStates.change(caller, input), List.of()));
	}

	@MutationMapping
	@PreAuthorize(OPERATOR_OR_ADMIN)
	SetTariffPayload setTariff(@Argument SetTariffInput input) {
		return run("setTariff", input.idempotencyKey(), input, SetTariffPayload.class, SetTariffPayload::failed,
				caller -> new SetTariffPayload(tariffSetting.set(caller, input), List.of()));
	}

	/** A rejected input is a result too: it is stored under the key like a success, so a replay answers the same. */
	private <P> P run(String operation, String idempotencyKey, Object input, Class<P> payloadType,
			Function<List<UserError>, P> failed, Function<Caller, P> action) {
		Caller caller = Caller.current();
		return mutations.execute(caller.id(), idempotencyKey, operation, input, payloadType, failed, () -> {
			try {
				return action.apply(caller);
			}
			catch (BusinessException ex) {
				return failed.apply(InputRejected.errorsOf(ex));
			}
		});
	}
}
