package org.openparking.api.payments;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;
import org.openparking.api.support.PipelineIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Payments API against PostgreSQL and the simulated provider (provider timeout 5s, SLOW answers after 1s). */
@PipelineIntegrationTest
@RecordApplicationEvents
class PaymentsIntegrationTest {

	private static final Money TEN_EUROS = new Money(1000, "EUR");

	@Autowired
	Payments payments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	private PaymentSubjects subjects() {
		return new PaymentSubjects(jdbc);
	}

	private ChargeRequest charge(PaymentSubject subject, String token) {
		return new ChargeRequest("test:" + UUID.randomUUID(), subject, new UserId("driver-1"), TEN_EUROS, token);
	}

	@Test
	void anApprovedChargeIsRecordedAndAnnouncedOnce() {
		ChargeRequest request = charge(subjects().booking("driver-1"), "tok_approve");

		PaymentView payment = payments.charge(request);

		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(payment.providerReference()).startsWith("sim_charge_");
		assertThat(payment.amount()).isEqualTo(TEN_EUROS);
		assertThat(events.stream(PaymentCompleted.class)).singleElement()
			.satisfies(event -> assertThat(event.paymentId()).isEqualTo(payment.id()));
		assertThat(events.stream(PaymentFailed.class)).isEmpty();
	}

	@Test
	void aDeclinedChargeFailsWithAReason() {
		PaymentView payment = payments.charge(charge(subjects().booking("driver-1"), "tok_decline"));

		assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(payment.failureReason()).contains("Declined");
		assertThat(events.stream(PaymentFailed.class)).singleElement()
			.satisfies(event -> assertThat(event.reason()).isEqualTo(payment.failureReason()));
	}

	@Test
	void aProviderThatDoesNotAnswerInTimeFailsThePayment() {
		long started = System.nanoTime();

		PaymentView payment = payments.charge(charge(subjects().booking("driver-1"), "tok_timeout"));

		assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(payment.failureReason()).contains("did not answer within 5000 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(9));
		assertThat(events.stream(PaymentFailed.class)).hasSize(1);
	}

	@Test
	void aSlowProviderWithinTheTimeoutApproves() {
		PaymentView payment = payments.charge(charge(subjects().booking("driver-1"), "tok_slow"));

		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void aRepeatedKeyReturnsTheFirstOutcomeWithoutChargingAgain() {
		ChargeRequest request = charge(subjects().booking("driver-1"), "tok_approve");
		PaymentView first = payments.charge(request);

		PaymentView again = payments.charge(request);
		PaymentView declinedCardNow = payments.charge(new ChargeRequest(request.idempotencyKey(), request.subject(),
				request.user(), request.amount(), "tok_decline"));

		assertThat(again).isEqualTo(first);
		assertThat(declinedCardNow).isEqualTo(first);
		assertThat(rowsWithKey(request.idempotencyKey())).isEqualTo(1);
		assertThat(events.stream(PaymentCompleted.class)).hasSize(1);
	}

	@Test
	void concurrentCallsWithOneKeyChargeOnce() throws Exception {
		ChargeRequest request = charge(subjects().booking("driver-1"), "tok_slow");
		Callable<PaymentView> call = () -> payments.charge(request);

		List<PaymentView> outcomes;
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<PaymentView>> futures = IntStream.range(0, 6).mapToObj(i -> threads.submit(call)).toList();
			outcomes = futures.stream().map(PaymentsIntegrationTest::join).toList();
		}

		assertThat(outcomes).extracting(PaymentView::status).containsOnly(PaymentStatus.SUCCEEDED);
		assertThat(outcomes).extracting(PaymentView::id).containsOnly(outcomes.getFirst().id());
		assertThat(outcomes).extracting(PaymentView::providerReference)
			.containsOnly(outcomes.getFirst().providerReference());
		assertThat(rowsWithKey(request.idempotencyKey())).isEqualTo(1);
	}

	@Test
	void aPendingRecordWhoseAttemptDiedIsFinishedWithTheSameKey() {
		ChargeRequest request = charge(subjects().booking("driver-1"), "tok_approve");
		UUID id = insertPending(request, Instant.now().minus(1, ChronoUnit.HOURS));

		PaymentView payment = payments.charge(request);

		assertThat(payment.id()).isEqualTo(id);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(events.stream(PaymentCompleted.class)).hasSize(1);
	}

	@Test
	void aPendingRecordOfALiveAttemptIsAwaitedNotChargedAgain() throws Exception {
		ChargeRequest request = charge(subjects().booking("driver-1"), "tok_approve");
		UUID id = insertPending(request, Instant.now());
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<PaymentView> waiting = threads.submit(() -> payments.charge(request));
			Thread.sleep(500);
			assertThat(waiting).isNotDone();
			jdbc.sql("update payment set status = 'FAILED', failure_reason = 'answered elsewhere' where id = ?")
				.param(id)
				.update();

			PaymentView payment = waiting.get();

			assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
			assertThat(payment.failureReason()).isEqualTo("answered elsewhere");
		}
		assertThat(events.stream(PaymentCompleted.class)).isEmpty();
	}

	@Test
	void aKeyReusedForAnotherAmountIsRefused() {
		ChargeRequest request = charge(subjects().booking("driver-1"), "tok_approve");
		payments.charge(request);

		assertThatThrownBy(() -> payments.charge(new ChargeRequest(request.idempotencyKey(), request.subject(),
				request.user(), new Money(999, "EUR"), "tok_approve")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refundsArePartialThenFullAndARepeatedKeyRefundsOnce() {
		PaymentSubject subject = subjects().booking("driver-1");
		PaymentView payment = payments.charge(charge(subject, "tok_approve"));

		List<RefundView> first = payments.refund("r1-" + UUID.randomUUID(), subject, new Money(300, "EUR"));
		String key = "r2-" + UUID.randomUUID();
		List<RefundView> rest = payments.refund(key, subject, new Money(700, "EUR"));
		List<RefundView> repeated = payments.refund(key, subject, new Money(700, "EUR"));

		assertThat(first).singleElement().satisfies(refund -> {
			assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
			assertThat(refund.amount()).isEqualTo(new Money(300, "EUR"));
			assertThat(refund.paymentId()).isEqualTo(payment.id());
		});
		assertThat(repeated).isEqualTo(rest);
		assertThat(events.stream(PaymentRefunded.class)).extracting(PaymentRefunded::paymentStatus)
			.containsExactly(PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED);
		PaymentView after = payments.paymentsOf(List.of(subject.id())).get(subject.id()).getFirst();
		assertThat(after.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(after.refunds()).hasSize(2);
		assertThatThrownBy(() -> payments.refund("r3-" + UUID.randomUUID(), subject, new Money(1, "EUR")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("only 0 is refundable");
	}

	@Test
	void aRefundSpreadsOverTheSubjectsPaymentsOldestFirst() {
		PaymentSubject subject = subjects().booking("driver-1");
		PaymentView older = payments.charge(charge(subject, "tok_approve"));
		PaymentView newer = payments.charge(charge(subject, "tok_approve"));
		payments.charge(charge(subject, "tok_decline"));

		List<RefundView> refunds = payments.refund("r-" + UUID.randomUUID(), subject, new Money(1500, "EUR"));

		assertThat(refunds).extracting(RefundView::paymentId, r -> r.amount().amountMinor())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(older.id(), 1000L),
					org.assertj.core.groups.Tuple.tuple(newer.id(), 500L));
		Map<UUID, PaymentStatus> statuses = payments.paymentsOf(List.of(subject.id()))
			.get(subject.id())
			.stream()
			.collect(java.util.stream.Collectors.toMap(PaymentView::id, PaymentView::status));
		assertThat(statuses).containsEntry(older.id(), PaymentStatus.REFUNDED)
			.containsEntry(newer.id(), PaymentStatus.PARTIALLY_REFUNDED);
	}

	@Test
	void paymentsOfManySubjectsComeGroupedBySubject() {
		PaymentSubject one = subjects().booking("driver-1");
		PaymentSubject two = subjects().booking("driver-1");
		PaymentSubject none = subjects().booking("driver-1");
		payments.charge(charge(one, "tok_approve"));
		payments.charge(charge(two, "tok_approve"));
		payments.charge(charge(two, "tok_decline"));

		Map<UUID, List<PaymentView>> bySubject = payments.paymentsOf(List.of(one.id(), two.id(), none.id()));

		assertThat(bySubject.get(one.id())).hasSize(1);
		assertThat(bySubject.get(two.id())).extracting(PaymentView::status)
			.containsExactly(PaymentStatus.SUCCEEDED, PaymentStatus.FAILED);
		assertThat(bySubject).doesNotContainKey(none.id());
	}

	private UUID insertPending(ChargeRequest request, Instant touchedAt) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into payment (id, booking_id, user_id, provider, amount_minor, currency, status, idempotency_key,
				created_at, updated_at) values (?, ?, ?, 'simulator', ?, ?, 'PENDING', ?, ?, ?)""")
			.params(id, request.subject().id(), request.user().value(), request.amount().amountMinor(),
					request.amount().currency(), request.idempotencyKey(), java.sql.Timestamp.from(touchedAt),
					java.sql.Timestamp.from(touchedAt))
			.update();
		return id;
	}

	private long rowsWithKey(String key) {
		return jdbc.sql("select count(*) from payment where idempotency_key = ?").param(key).query(Long.class).single();
	}

	private static <T> T join(Future<T> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}
}
