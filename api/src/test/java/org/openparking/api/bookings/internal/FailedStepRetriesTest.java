package org.openparking.api.bookings.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.openparking.api.bookings.BookingTestSupport;
import org.openparking.api.support.LotFixtures.TestLot;
import org.openparking.api.support.PipelineIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PipelineIntegrationTest
class FailedStepRetriesTest extends BookingTestSupport {

	@Autowired
	FailedStepRetries retries;

	@Test
	void aFailedConfirmationStepIsRetriedWithoutARestart() throws InterruptedException {
		TestLot lot = lot(1);
		String driver = driver();
		Instant from = Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		String id = api.bookConfirmed(driver, lot.spotIds().getFirst(), from, from.plus(1, ChronoUnit.HOURS));
		awaitStepsDone(id);
		// As if the confirmation step had failed two minutes ago, leaving the booking waiting for it.
		jdbc.sql("update booking set status = 'PENDING_PAYMENT' where id = ?::uuid").param(id).update();
		int failed = jdbc.sql("""
				update event_publication set completion_date = null, status = 'FAILED',
				publication_date = now() - interval '2 minutes'
				where listener_id like '%BookingPaymentPipeline.confirm%' and serialized_event like ?""")
			.param("%" + id + "%")
			.update();
		assertThat(failed).isEqualTo(1);

		retries.resubmit();

		api.awaitStatus(driver, id, "CONFIRMED");
	}

	private void awaitStepsDone(String bookingId) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(20);
		while (incomplete(bookingId) > 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(incomplete(bookingId)).isZero();
	}

	private long incomplete(String bookingId) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
			.param("%" + bookingId + "%")
			.query(Long.class)
			.single();
	}
}
