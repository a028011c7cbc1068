package org.openparking.api.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openparking.api.payments.ChargeRequest;
import org.openparking.api.payments.PaymentCompleted;
import org.openparking.api.payments.PaymentFailed;
import org.openparking.api.payments.PaymentProvider;
import org.openparking.api.payments.PaymentProvider.Outcome;
import org.openparking.api.payments.PaymentRefunded;
import org.openparking.api.payments.PaymentStatus;
import org.openparking.api.payments.PaymentSubject;
import org.openparking.api.payments.PaymentView;
import org.openparking.api.payments.Payments;
import org.openparking.api.payments.RefundStatus;
import org.openparking.api.payments.RefundView;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Every payment and refund is committed as PENDING, under its unique idempotency key, before the provider is called:
 * a crash never leaves money moved without a trace, and a repeated key finds the record instead of charging again.
 * The provider's answer is recorded together with the event that announces it, in one transaction.
 */
@Service
class RecordFirstPayments implements Payments {

	private final PaymentRecords payments;

	private final RefundRecords refunds;

	private final PaymentProvider provider;

	private final TimedProviderCalls calls;

	private final ProviderAttempts attempts;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	RecordFirstPayments(PaymentRecords payments, RefundRecords refunds, PaymentProvider provider,
			TimedProviderCalls calls, ProviderAttempts attempts, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.payments = payments;
		this.refunds = refunds;
		this.provider = provider;
		this.calls = calls;
		this.attempts = attempts;
		this.events = events;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public PaymentView charge(ChargeRequest request) {
		Assert.hasText(request.idempotencyKey(), "a charge needs an idempotency key");
		PaymentRow fresh = PaymentRow.pending(request, provider.name(), now());
		boolean recordedHere = Boolean.TRUE.equals(ownTransaction.execute(tx -> payments.insertPending(fresh)));
		PaymentRow row = recordedHere ? fresh : payments.byKey(request.idempotencyKey()).orElseThrow();
		if (!row.sameChargeAs(request)) {
			throw new IllegalArgumentException(
					"Idempotency key " + request.idempotencyKey() + " was used for a different charge");
		}
		PaymentRow settled = attempts.settle(row, recordedHere, payments,
				pending -> chargeAndRecord(pending, request.paymentMethodToken()));
		return settled.view(refunds.ofPayments(List.of(settled.id())).stream().map(RefundRow::view).toList());
	}

	@Override
	public List<RefundView> refund(String idempotencyKey, PaymentSubject subject, Money amount) {
		Assert.hasText(idempotencyKey, "a refund needs an idempotency key");
		if (amount.amountMinor() == 0) {
			return List.of();
		}
		return settle(ownTransaction.execute(tx -> plan(idempotencyKey, payments.ofSubjectForUpdate(subject), amount,
				subject.toString())));
	}

	@Override
	public List<RefundView> refundPayment(String idempotencyKey, UUID paymentId, Long amountMinor) {
		Assert.hasText(idempotencyKey, "a refund needs an idempotency key");
		return settle(ownTransaction.execute(tx -> {
			List<PaymentRow> payment = List.of(payments.lock(paymentId));
			List<RefundRow> earlier = earlier(idempotencyKey, payment);
			if (!earlier.isEmpty()) {
				return new PlannedRefunds(earlier, false);
			}
			PaymentRow row = payment.getFirst();
			long left = refundable(row, row.amount().currency())
					? row.amount().amountMinor() - refunds.committedAmounts(List.of(paymentId)).getOrDefault(paymentId, 0L)
					: 0;
			long asked = amountMinor == null ? left : amountMinor;
			if (left == 0 || asked > left) {
				throw new BusinessException(UserErrorCode.REFUND_NOT_POSSIBLE, row.status() == PaymentStatus.SUCCEEDED
						|| row.status() == PaymentStatus.PARTIALLY_REFUNDED ? "Only " + left + " " + row.amount().currency()
								+ " of this payment can still be refunded" : "A " + row.status() + " payment cannot be refunded",
						"input", amountMinor == null || left == 0 ? "paymentId" : "amountMinor");
			}
			return plan(idempotencyKey, payment, new Money(asked, row.amount().currency()), "payment " + paymentId);
		}));
	}

	@Override
	public Optional<PaymentView> payment(UUID paymentId) {
		return payments.byId(paymentId)
			.map(row -> row.view(refunds.ofPayments(List.of(row.id())).stream().map(RefundRow::view).toList()));
	}

	private List<RefundView> settle(PlannedRefunds plan) {
		return plan.refunds()
			.stream()
			.map(refund -> attempts.settle(refund, plan.recordedHere(), refunds, this::refundAndRecord).view())
			.toList();
	}

	@Override
	public Map<UUID, List<PaymentView>> paymentsOf(Collection<UUID> subjectIds) {
		if (subjectIds.isEmpty()) {
			return Map.of();
		}
		List<PaymentRow> rows = payments.ofSubjects(subjectIds);
		Map<UUID, List<RefundView>> refundsByPayment = refunds.ofPayments(rows.stream().map(PaymentRow::id).toList())
			.stream()
			.collect(Collectors.groupingBy(RefundRow::paymentId,
					Collectors.mapping(RefundRow::view, Collectors.toList())));
		Map<UUID, List<PaymentView>> bySubject = new LinkedHashMap<>();
		for (PaymentRow row : rows) {
			bySubject.computeIfAbsent(row.subject().id(), id -> new ArrayList<>())
				.add(row.view(refundsByPayment.getOrDefault(row.id(), List.of())));
		}
		return bySubject;
	}

	private List<RefundRow> earlier(String idempotencyKey, List<PaymentRow> paid) {
		return refunds.byKeys(paid.stream().map(p -> refundKey(idempotencyKey, p)).toList());
	}

	/**
	 * Splits the amount over the locked payments, oldest first, or finds the refunds of an earlier call.
	 * @param what names the payments in the error when they hold less than the amount
	 */
	private PlannedRefunds plan(String idempotencyKey, List<PaymentRow> paid, Money amount, String what) {
		List<RefundRow> earlier = earlier(idempotencyKey, paid);
		if (!earlier.isEmpty()) {
			return new PlannedRefunds(earlier, false);
		}
		Map<UUID, Long> committed = refunds.committedAmounts(paid.stream().map(PaymentRow::id).toList());
		Instant now = now();
		long remaining = amount.amountMinor();
		List<RefundRow> planned = new ArrayList<>();
		for (PaymentRow payment : paid) {
			if (!refundable(payment, amount.currency()) || remaining == 0) {
				continue;
			}
			long part = Math.min(remaining, payment.amount().amountMinor() - committed.getOrDefault(payment.id(), 0L));
			if (part > 0) {
				RefundRow refund = RefundRow.pending(payment.id(), new Money(part, amount.currency()),
						refundKey(idempotencyKey, payment), now);
				refunds.insertPending(refund);
				planned.add(refund);
				remaining -= part;
			}
		}
		if (remaining > 0) {
			throw new IllegalArgumentException("Cannot refund " + amount.amountMinor() + " " + amount.currency() + " of "
					+ what + ": only " + (amount.amountMinor() - remaining) + " is refundable");
		}
		return new PlannedRefunds(planned, true);
	}

	private static boolean refundable(PaymentRow payment, String currency) {
		return (payment.status() == PaymentStatus.SUCCEEDED || payment.status() == PaymentStatus.PARTIALLY_REFUNDED)
				&& payment.amount().currency().equals(currency);
	}

	/** One refund per payment and request: the key stays the same however often the request is repeated. */
	private static String refundKey(String idempotencyKey, PaymentRow payment) {
		return idempotencyKey + "@" + payment.id();
	}

	private Instant now() {
		// PostgreSQL keeps microseconds; rows compare equal to what was read back.
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private record PlannedRefunds(List<RefundRow> refunds, boolean recordedHere) {
	}

	private PaymentRow chargeAndRecord(PaymentRow row, String paymentMethodToken) {
		Outcome outcome = calls.call("charge " + row.idempotencyKey(), () -> provider
			.charge(new PaymentProvider.Charge(row.idempotencyKey(), row.amount(), paymentMethodToken)));
		return ownTransaction.execute(tx -> {
			Instant now = now();
			switch (outcome) {
				case Outcome.Approved approved -> {
					if (payments.settle(row.id(), PaymentStatus.SUCCEEDED, approved.reference(), null, now)) {
						events.publishEvent(new PaymentCompleted(row.id(), row.subject(), row.userId(), row.amount(),
								approved.reference(), now));
					}
				}
				case Outcome.Declined declined -> {
					if (payments.settle(row.id(), PaymentStatus.FAILED, null, declined.reason(), now)) {
						events.publishEvent(new PaymentFailed(row.id(), row.subject(), row.userId(), row.amount(),
								declined.reason(), now));
					}
				}
			}
			return payments.byId(row.id()).orElseThrow();
		});
	}

	private RefundRow refundAndRecord(RefundRow row) {
		String chargeReference = payments.byId(row.paymentId()).orElseThrow().providerReference();
		Outcome outcome = calls.call("refund " + row.idempotencyKey(), () -> provider
			.refund(new PaymentProvider.Refund(row.idempotencyKey(), chargeReference, row.amount())));
		return ownTransaction.execute(tx -> {
			Instant now = now();
			// Locked first, so concurrent refunds of one payment add up their amounts in turn.
			PaymentRow payment = payments.lock(row.paymentId());
			switch (outcome) {
				case Outcome.Approved approved -> {
					if (refunds.settle(row.id(), RefundStatus.SUCCEEDED, approved.reference(), null, now)) {
						long refunded = refunds.succeededAmount(payment.id());
						PaymentStatus status = refunded >= payment.amount().amountMinor() ? PaymentStatus.REFUNDED
								: PaymentStatus.PARTIALLY_REFUNDED;
						payments.changeStatus(payment.id(), status, now);
						events.publishEvent(
								new PaymentRefunded(row.id(), payment.id(), payment.subject(), row.amount(), status, now));
					}
				}
				case Outcome.Declined declined -> refunds.settle(row.id(), RefundStatus.FAILED, null, declined.reason(), now);
			}
			return refunds.byId(row.id()).orElseThrow();
		});
	}
}
