package org.openparking.api.bookings.internal;

import java.util.Collection;
import java.util.Optional;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.BookingView;
import org.openparking.api.bookings.Bookings;
import org.openparking.api.bookings.LotBookingFilter;
import org.openparking.api.lots.LotAccess;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.security.Caller;
import org.openparking.api.shared.UserId;
import org.openparking.api.shared.VehiclePlate;
import org.openparking.api.shared.graphql.Connection;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.openparking.api.shared.graphql.PageRequest;
import org.openparking.api.shared.graphql.TimeIdCursor;
import org.openparking.api.shared.graphql.WindowFilter;
import org.springframework.stereotype.Service;

@Service
public class BookingQueries implements Bookings {

	private final BookingAccess access;

	private final BookingRecords records;

	private final LotAccess lotAccess;

	BookingQueries(BookingAccess access, BookingRecords records, LotAccess lotAccess) {
		this.access = access;
		this.records = records;
		this.lotAccess = lotAccess;
	}

	@Override
	public Optional<BookingView> visibleTo(BookingId id, Caller caller) {
		return access.visible(id, caller).map(BookingRow::view);
	}

	@Override
	public Optional<BookingView> find(BookingId id) {
		return records.byId(id).map(BookingRow::view);
	}

	/** Newest first; an empty or missing status filter means every status. */
	public Connection<BookingView> ofUser(UserId user, PageRequest page, Collection<BookingStatus> statuses) {
		return Connection.of(records.ofUser(user, statuses, TimeIdCursor.parse(page.after()), page.limit())
			.stream()
			.map(BookingRow::view)
			.toList(), page, BookingQueries::sortKey);
	}

	/** The lot's bookings, newest first, for its operator or an administrator. */
	public Connection<BookingView> ofLot(Caller caller, LotId lot, LotBookingFilter filter, PageRequest page) {
		lotAccess.requireOperator(caller, lot);
		String plate = filter == null ? null : VehiclePlate.normalisedOrNull(filter.vehiclePlate(), "filter", "vehiclePlate");
		SpotId spot = filter == null || filter.spotId() == null ? null : SpotId.parse(filter.spotId());
		if (filter != null) {
			WindowFilter.requireOrdered(filter.from(), filter.to());
		}
		return Connection.of(records.ofLot(lot, filter, plate, spot, TimeIdCursor.parse(page.after()), page.limit())
			.stream()
			.map(BookingRow::view)
			.toList(), page, BookingQueries::sortKey);
	}

	private static String sortKey(BookingView booking) {
		return TimeIdCursor.sortKey(booking.createdAt(), booking.id());
	}
}
