package org.openparking.api.bookings.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.BookingView;
import org.openparking.api.bookings.Bookings;
import org.openparking.api.security.Caller;
import org.openparking.api.shared.UserId;
import org.openparking.api.shared.graphql.Connection;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.openparking.api.shared.graphql.PageRequest;
import org.springframework.stereotype.Service;

@Service
public class BookingQueries implements Bookings {

	private final BookingAccess access;

	private final BookingRecords records;

	BookingQueries(BookingAccess access, BookingRecords records) {
		this.access = access;
		this.records = records;
	}

	@Override
	public Optional<BookingView> visibleTo(BookingId id, Caller caller) {
		return access.visible(id, caller).map(BookingRow::view);
	}

	/** Newest first; an empty or missing status filter means every status. */
	public Connection<BookingView> ofUser(UserId user, PageRequest page, Collection<BookingStatus> statuses) {
		BookingRecords.PageKey after = page.after() == null ? null : pageKey(page.after());
		return Connection.of(
				records.ofUser(user, statuses, after, page.limit()).stream().map(BookingRow::view).toList(), page,
				booking -> booking.createdAt() + "|" + booking.id());
	}

	private static BookingRecords.PageKey pageKey(String sortKey) {
		int bar = sortKey.indexOf('|');
		try {
			return new BookingRecords.PageKey(Instant.parse(sortKey.substring(0, bar)),
					UUID.fromString(sortKey.substring(bar + 1)));
		}
		catch (DateTimeParseException | IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw new InvalidArgumentException("Malformed cursor");
		}
	}
}
