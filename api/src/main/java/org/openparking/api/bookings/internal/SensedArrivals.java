package org.openparking.api.bookings.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openparking.api.bookings.BookingArrivals;
import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.BookingView;
import org.openparking.api.lots.SpotId;
import org.springframework.stereotype.Service;

@Service
class SensedArrivals implements BookingArrivals {

	private final BookingRecords records;

	private final BookingTransitions transitions;

	SensedArrivals(BookingRecords records, BookingTransitions transitions) {
		this.records = records;
		this.transitions = transitions;
	}

	@Override
	public Optional<BookingView> find(BookingId booking) {
		return records.byId(booking).map(BookingRow::view);
	}

	@Override
	public Map<SpotId, BookingView> coveringAt(Collection<SpotId> spots, Instant at) {
		return bySpot(records.coveringAt(ids(spots), at));
	}

	@Override
	public Map<SpotId, BookingView> lastEnded(Collection<SpotId> spots, Instant since, Instant now) {
		return bySpot(records.lastEnded(ids(spots), since, now));
	}

	@Override
	public List<BookingView> awaitingArrival(Collection<SpotId> spots, Instant startedBy, Instant endedSince) {
		return records.awaitingArrival(ids(spots), startedBy, endedSince).stream().map(BookingRow::view).toList();
	}

	@Override
	public Optional<BookingView> checkIn(BookingId booking) {
		return transitions.change(booking, BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN).map(BookingRow::view);
	}

	@Override
	public Optional<BookingView> markNoShow(BookingId booking, boolean releaseSpot) {
		return transitions.change(booking, BookingStatus.CONFIRMED, BookingStatus.NO_SHOW, releaseSpot)
			.map(BookingRow::view);
	}

	@Override
	public Optional<BookingView> complete(BookingId booking) {
		return transitions.change(booking, BookingStatus.CHECKED_IN, BookingStatus.COMPLETED)
			.or(() -> transitions.change(booking, BookingStatus.CONFIRMED, BookingStatus.COMPLETED))
			.map(BookingRow::view);
	}

	private static List<UUID> ids(Collection<SpotId> spots) {
		return spots.stream().map(SpotId::value).toList();
	}

	private static Map<SpotId, BookingView> bySpot(List<BookingRow> rows) {
		return rows.stream().collect(Collectors.toMap(BookingRow::spot, BookingRow::view, (a, b) -> a));
	}
}
