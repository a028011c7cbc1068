package org.openparking.api.sessions.internal;

import org.openparking.api.lots.LotAccess;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.security.Caller;
import org.openparking.api.sessions.LotSessionFilter;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.shared.VehiclePlate;
import org.openparking.api.shared.graphql.Connection;
import org.openparking.api.shared.graphql.PageRequest;
import org.openparking.api.shared.graphql.TimeIdCursor;
import org.openparking.api.shared.graphql.WindowFilter;
import org.springframework.stereotype.Service;

/** A lot's walk-in sessions for its operator or an administrator. */
@Service
public class LotSessionQueries {

	private final LotAccess lotAccess;

	private final LotSessionPages pages;

	LotSessionQueries(LotAccess lotAccess, LotSessionPages pages) {
		this.lotAccess = lotAccess;
		this.pages = pages;
	}

	public Connection<SessionView> ofLot(Caller caller, LotId lot, LotSessionFilter filter, PageRequest page) {
		lotAccess.requireOperator(caller, lot);
		String plate = filter == null ? null : VehiclePlate.normalisedOrNull(filter.vehiclePlate(), "filter", "vehiclePlate");
		SpotId spot = filter == null || filter.spotId() == null ? null : SpotId.parse(filter.spotId());
		if (filter != null) {
			WindowFilter.requireOrdered(filter.from(), filter.to());
		}
		return Connection.of(pages.page(lot, filter, plate, spot, TimeIdCursor.parse(page.after()), page.limit()), page,
				session -> TimeIdCursor.sortKey(session.startedAt(), session.id()));
	}
}
