package org.openparking.api.bookings.internal;

import java.time.Instant;
import java.util.List;

import org.openparking.api.holds.ClaimKind;
import org.openparking.api.holds.ClaimSource;
import org.openparking.api.holds.LiveClaim;
import org.openparking.api.lots.LotId;
import org.springframework.stereotype.Component;

/** The bookings PostgreSQL knows, for rebuilding a lot's claims in Redis after they were lost. */
@Component
class BookingClaims implements ClaimSource {

	private final BookingRecords records;

	BookingClaims(BookingRecords records) {
		this.records = records;
	}

	@Override
	public List<LiveClaim> liveClaims(LotId lot, Instant now) {
		return records.liveInLot(lot, now)
			.stream()
			.map(booking -> new LiveClaim(booking.spot(), ClaimKind.BOOKING, booking.id(), booking.window()))
			.toList();
	}
}
