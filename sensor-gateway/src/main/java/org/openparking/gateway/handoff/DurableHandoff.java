package org.openparking.gateway.handoff;

import java.util.List;

/** Writes units to PostgreSQL; when it returns, they are durable and the uplinks behind them may be acknowledged. */
public interface DurableHandoff {

	/**
	 * @throws org.springframework.dao.DataAccessException when PostgreSQL is unreachable: nothing was written and
	 * the caller retries
	 */
	HandedOff write(List<HandoffUnit> units);
}
