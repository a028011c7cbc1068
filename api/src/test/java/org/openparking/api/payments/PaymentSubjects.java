package org.openparking.api.payments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.openparking.api.support.LotFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bookings to pay for, straight in SQL: payments reference a booking, but these tests need none of its behaviour. */
final class PaymentSubjects {

	private final JdbcClient jdbc;

	private final LotFixtures lots;

	PaymentSubjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.lots = new LotFixtures(jdbc);
	}

	/** A cancelled booking: it occupies no spot, so any number of them never collide. */
	PaymentSubject booking(String userId) {
		LotFixtures.TestLot lot = lots.lot("operator-" + UUID.randomUUID(), 1);
		UUID id = UUID.randomUUID();
		Instant from = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		jdbc.sql("""
				insert into booking (id, lot_id, spot_id, user_id, hold_id, during, status, price_minor, currency,
				created_at, updated_at) values (?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), 'CANCELLED', 1000, 'EUR', now(), now())""")
			.params(id, lot.id(), lot.spotIds().getFirst(), userId, "test-hold-" + id, Timestamp.from(from),
					Timestamp.from(from.plus(2, ChronoUnit.HOURS)))
			.update();
		return PaymentSubject.booking(id);
	}
}
