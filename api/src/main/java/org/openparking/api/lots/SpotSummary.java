package org.openparking.api.lots;

/** What other modules need to know of a spot; read from a cache, not from the database on every call. */
public record SpotSummary(SpotId id, LotId lotId, String code, SpotClass spotClass, AdministrativeState state) {

	public boolean isOpen() {
		return state == AdministrativeState.OPEN;
	}
}
