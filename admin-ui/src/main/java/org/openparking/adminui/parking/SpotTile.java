package org.openparking.adminui.parking;

import java.time.Instant;

/** One spot on the lot board, with everything that decides its colour. */
public record SpotTile(String id, String code, String levelCode, SpotClass spotClass,
		AdministrativeState administrativeState, String administrativeReason, CommercialState commercialState,
		ObservedState observedState, Instant observedAt) {

	public BoardState boardState() {
		return BoardState.of(administrativeState, commercialState, observedState);
	}

	public SpotTile withCommercial(CommercialState state) {
		return new SpotTile(id, code, levelCode, spotClass, administrativeState, administrativeReason, state,
				observedState, observedAt);
	}

	public SpotTile withAdministrative(AdministrativeState state) {
		return new SpotTile(id, code, levelCode, spotClass, state, administrativeReason, commercialState,
				observedState, observedAt);
	}

	public SpotTile withObservation(ObservedState state, Instant at) {
		return new SpotTile(id, code, levelCode, spotClass, administrativeState, administrativeReason,
				commercialState, state, at);
	}
}
