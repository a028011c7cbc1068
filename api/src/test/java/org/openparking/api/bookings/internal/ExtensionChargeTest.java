package org.openparking.api.bookings.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingTestSupport;
import org.openparking.api.payments.ChargeRequest;
import org.openparking.api.payments.PaymentSubject;
import org.openparking.api.security.Role;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.openparking.api.support.LotFixtures.TestLot;
import org.openparking.api.support.PipelineIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The durable charge of an extension, for the race the HTTP tests cannot time: a cancellation in between. */
@PipelineIntegrationTest
class ExtensionChargeTest extends BookingTestSupport {

	@Autowired
	BookingExtension extension;

	@Test
	void anExtensionChargedAfterTheBookingWasCancelledIsRefunded() throws InterruptedException {
		TestLot lot = lot(1);
		String userId = "driver-" + UUID.randomUUID();
		String driver = tokens.mint(userId, Role.DRIVER);
		Instant from = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		TimeWindow booked = new TimeWindow(from, from.plus(1, ChronoUnit.HOURS));
		String id = api.bookConfirmed(driver, lot.spotIds().getFirst(), booked.from(), booked.to());
		api.cancel(driver, id, null, null);
		TimeWindow extended = new TimeWindow(from, from.plus(2, ChronoUnit.HOURS));
		ChargeRequest charge = new ChargeRequest("booking:" + id + ":extension:test", PaymentSubject
			.booking(UUID.fromString(id)), new UserId(userId), new Money(200, "EUR"), "tok_approve");

		extension.chargeDurably(new ExtensionChargeDue(BookingId.parse(id), charge, extended, booked,
				new Money(200, "EUR")));

		JsonNode booking = awaitPaymentStatuses(driver, id, List.of("REFUNDED", "REFUNDED"));
		assertThat(booking.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(Instant.parse(booking.path("to").asString())).isEqualTo(booked.to());
	}

	private JsonNode awaitPaymentStatuses(String token, String id, List<String> statuses) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(20);
		JsonNode booking = api.booking(token, id);
		while (!statuses(booking).equals(statuses) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			booking = api.booking(token, id);
		}
		assertThat(statuses(booking)).isEqualTo(statuses);
		return booking;
	}

	private static List<String> statuses(JsonNode booking) {
		return booking.path("payments").valueStream().map(payment -> payment.path("status").asString()).toList();
	}
}
