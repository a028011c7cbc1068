package org.openparking.api.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.openparking.api.shared.jdbc.ResultSets.instant;
import static org.openparking.api.shared.jdbc.SqlArrays.uuids;

import org.openparking.api.payments.RefundStatus;
import org.openparking.api.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RefundRecords extends AttemptRecords<RefundRow> {

	RefundRecords(JdbcClient jdbc) {
		super(jdbc, "refund", """
				id, payment_id, amount_minor, currency, status, provider_reference, failure_reason, idempotency_key,
				created_at, updated_at, version""", RefundRecords::row);
	}

	void insertPending(RefundRow row) {
		jdbc.sql("""
				insert into refund (id, payment_id, amount_minor, currency, status, idempotency_key, created_at, updated_at)
				values (?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
			.params(row.id(), row.paymentId(), row.amount().amountMinor(), row.amount().currency(),
					row.idempotencyKey(), at(row.createdAt()), at(row.updatedAt()))
			.update();
	}

	List<RefundRow> byKeys(Collection<String> idempotencyKeys) {
		return jdbc.sql(select + " where idempotency_key = any(?) order by created_at, id")
			.param(idempotencyKeys.toArray(String[]::new))
			.query(rows())
			.list();
	}

	List<RefundRow> ofPayments(Collection<UUID> paymentIds) {
		if (paymentIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(select + " where payment_id = any(?::uuid[]) order by created_at, id")
			.param(uuids(paymentIds))
			.query(rows())
			.list();
	}

	/** Per payment, what its refunds take or may still take (every refund not FAILED). */
	Map<UUID, Long> committedAmounts(Collection<UUID> paymentIds) {
		return ofPayments(paymentIds).stream()
			.filter(refund -> refund.status() != RefundStatus.FAILED)
			.collect(Collectors.groupingBy(RefundRow::paymentId, Collectors.summingLong(r -> r.amount().amountMinor())));
	}

	long succeededAmount(UUID paymentId) {
		return jdbc.sql("select coalesce(sum(amount_minor), 0) from refund where payment_id = ? and status = 'SUCCEEDED'")
			.param(paymentId)
			.query(Long.class)
			.single();
	}

	private static RefundRow row(ResultSet rs, int n) throws SQLException {
		return new RefundRow(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class),
				new Money(rs.getLong("amount_minor"), rs.getString("currency")),
				RefundStatus.valueOf(rs.getString("status")), rs.getString("provider_reference"),
				rs.getString("failure_reason"), rs.getString("idempotency_key"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getLong("version"));
	}
}
