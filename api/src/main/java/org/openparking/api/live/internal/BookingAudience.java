package org.openparking.api.live.internal;

import java.util.Optional;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotSummary;
import org.openparking.api.security.Caller;
import org.openparking.api.security.Role;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may follow a booking: its owner, an operator of its lot, or an administrator. Checked once, when the
 * subscription starts.
 */
@Component
public class BookingAudience {

	private final JdbcClient jdbc;

	private final LotCatalog catalog;

	BookingAudience(JdbcClient jdbc, LotCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	public void requireMayFollow(Caller caller, BookingId booking) {
		Parties parties = parties(booking)
			.orElseThrow(() -> new InvalidArgumentException("No booking " + booking.value()));
		if (caller.isAdmin() || caller.id().value().equals(parties.userId())) {
			return;
		}
		boolean operatorOfLot = caller.has(Role.OPERATOR) && catalog.lot(parties.lotId())
			.map(LotSummary::operatorId)
			.filter(caller.id().value()::equals)
			.isPresent();
		if (!operatorOfLot) {
			throw new AccessDeniedException(
					"Only the booking's owner, an operator of its lot or an administrator may follow it");
		}
	}

	// TODO: ask the bookings module once its API offers the owner and lot of a booking. Until then this reads the
	// two columns straight from the booking table (a read model, as availability does), never through its classes.
	private Optional<Parties> parties(BookingId booking) {
		return jdbc.sql("select user_id, lot_id from booking where id = ?")
			.param(booking.value())
			.query((rs, row) -> new Parties(rs.getString("user_id"), new LotId(rs.getObject("lot_id", java.util.UUID.class))))
			.optional();
	}

	private record Parties(String userId, LotId lotId) {
	}
}
