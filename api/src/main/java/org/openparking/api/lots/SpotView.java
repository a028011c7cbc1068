package org.openparking.api.lots;

import java.util.UUID;

/** The source object of the GraphQL {@code Spot} type, for every module that returns spots. */
public record SpotView(UUID id, UUID lotId, UUID levelId, String code, String zone, SpotClass spotClass,
		String evConnector, Integer maxHeightCm, AdministrativeState administrativeState,
		String administrativeReason) {
}
