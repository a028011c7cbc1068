package org.openparking.api.lots;

import org.openparking.api.security.Caller;

/** Who may look at and act on a lot's operations: its operator, or an administrator. */
public interface LotAccess {

	/**
	 * Read from PostgreSQL, not the catalog cache, so a lot created a moment ago on another node counts already.
	 * @throws org.springframework.security.access.AccessDeniedException (FORBIDDEN) for anyone else, also when the
	 * lot does not exist, so lot ids reveal nothing to other operators
	 */
	void requireOperator(Caller caller, LotId lot);
}
