package org.openparking.api.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.openparking.api.shared.jdbc.ResultSets.instant;
import static org.openparking.api.shared.jdbc.SqlArrays.uuids;

import org.openparking.api.payments.PaymentStatus;
import org.openparking.api.payments.PaymentSubject;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRecords extends AttemptRecords<PaymentRow> {

	PaymentRecords(JdbcClient jdbc) {
		super(jdbc, "payment", """
				id, booking_id, session_id, user_id, provider, provider_reference, amount_minor, currency, status,
				failure_reason, idempotency_key, created_at, updated_at, version""", PaymentRecords::row);
	}

	/** False when the idempotency key is already recorded: the caller then works with that first record. */
	boolean insertPending(PaymentRow row) {
		boolean booking = row.subject().kind() == PaymentSubject.Kind.BOOKING;
		return jdbc.sql("""
				insert into payment (id, booking_id, session_id, user_id, provider, amount_minor, currency, status,
				idempotency_key, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
				on conflict (idempotency_key) do nothing""")
			.params(row.id(), booking ? row.subject().id() : null, booking ? null : row.subject().id(),
					row.userId().value(), row.provider(), row.amount().amountMinor(), row.amount().currency(),
					row.idempotencyKey(), at(row.createdAt()), at(row.updatedAt()))
			.update() == 1;
	}

	Optional<PaymentRow> byKey(String idempotencyKey) {
		return jdbc.sql(select + " where idempotency_key = ?").param(idempotencyKey).query(rows()).optional();
	}

	List<PaymentRow> ofSubjects(Collection<UUID> subjectIds) {
		return jdbc.sql(select + " where booking_id = any(?::uuid[]) or session_id = any(?::uuid[]) order by created_at, id")
			.params(uuids(subjectIds), uuids(subjectIds))
			.query(rows())
			.list();
	}

	/** Locks the subject's payments, so concurrent refunds of one subject cannot both spend the same money. */
	List<PaymentRow> ofSubjectForUpdate(PaymentSubject subject) {
		String column = subject.kind() == PaymentSubject.Kind.BOOKING ? "booking_id" : "session_id";
		return jdbc.sql(select + " where " + column + " = ? order by created_at, id for update")
			.param(subject.id())
			.query(rows())
			.list();
	}

	PaymentRow lock(UUID id) {
		return jdbc.sql(select + " where id = ? for update").param(id).query(rows()).single();
	}

	void changeStatus(UUID id, PaymentStatus status, Instant now) {
		jdbc.sql("update payment set status = ?, updated_at = ?, version = version + 1 where id = ?")
			.params(status.name(), at(now), id)
			.update();
	}

	private static PaymentRow row(ResultSet rs, int n) throws SQLException {
		UUID bookingId = rs.getObject("booking_id", UUID.class);
		PaymentSubject subject = bookingId != null ? PaymentSubject.booking(bookingId)
				: PaymentSubject.session(rs.getObject("session_id", UUID.class));
		return new PaymentRow(rs.getObject("id", UUID.class), subject, new UserId(rs.getString("user_id")),
				rs.getString("provider"), rs.getString("provider_reference"),
				new Money(rs.getLong("amount_minor"), rs.getString("currency")),
				PaymentStatus.valueOf(rs.getString("status")), rs.getString("failure_reason"),
				rs.getString("idempotency_key"), instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getLong("version"));
	}
}
