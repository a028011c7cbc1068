package org.openparking.api.lots.internal;

import java.util.UUID;

import org.openparking.api.lots.LotAccess;
import org.openparking.api.lots.LotId;
import org.openparking.api.security.Caller;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Finds the lot an operator wants to change, and makes sure it is theirs. */
@Component
class OwnedLots implements LotAccess {

	private final Lots lots;

	OwnedLots(Lots lots) {
		this.lots = lots;
	}

	/** Locks the lot row until commit: changes of one lot run one after the other. */
	Lot lockForChange(Caller caller, String lotId) {
		Lot lot = lots.findForUpdate(InputErrors.parseId(lotId, "lotId"))
			.orElseThrow(() -> new BusinessException(UserErrorCode.NOT_FOUND, "No lot " + lotId, "input", "lotId"));
		caller.requireOperatorOf(lot.operatorId());
		return lot;
	}

	@Override
	public void requireOperator(Caller caller, LotId lot) {
		if (caller.isAdmin()) {
			return;
		}
		caller.requireOperatorOf(lots.findById(lot.value())
			.map(Lot::operatorId)
			.orElseThrow(() -> new AccessDeniedException("Only the lot's operator may do this")));
	}

	void requireOwner(Caller caller, UUID lotId) {
		caller.requireOperatorOf(lots.findById(lotId).orElseThrow().operatorId());
	}
}
