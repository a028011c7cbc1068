package org.openparking.api.payments.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static java.time.ZoneOffset.UTC;
import static org.openparking.api.shared.jdbc.ResultSets.instant;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What payments and refunds share as records of a provider attempt: a PENDING row is settled once, by whoever owns
 * the attempt, and an abandoned one is taken over by bumping its version.
 */
abstract class AttemptRecords<R extends ProviderAttempt> {

	protected final JdbcClient jdbc;

	private final String table;

	protected final String select;

	private final RowMapper<R> rows;

	AttemptRecords(JdbcClient jdbc, String table, String columns, RowMapper<R> rows) {
		this.jdbc = jdbc;
		this.table = table;
		this.select = "select " + columns + " from " + table;
		this.rows = rows;
	}

	Optional<R> byId(UUID id) {
		return jdbc.sql(select + " where id = ?").param(id).query(rows).optional();
	}

	/** Claims an abandoned attempt; false when another caller changed the row first. */
	boolean takeOver(UUID id, long version, Instant now) {
		return jdbc.sql("update " + table + """
				 set updated_at = ?, version = version + 1
				where id = ? and status = 'PENDING' and version = ?""")
			.params(at(now), id, version)
			.update() == 1;
	}

	/** Records the provider's answer; false when another attempt recorded it first. */
	boolean settle(UUID id, Enum<?> status, String providerReference, String failureReason, Instant now) {
		return jdbc.sql("update " + table + """
				 set status = ?, provider_reference = ?, failure_reason = ?, updated_at = ?, version = version + 1
				where id = ? and status = 'PENDING'""")
			.params(status.name(), providerReference, failureReason, at(now), id)
			.update() == 1;
	}

	protected RowMapper<R> rows() {
		return rows;
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(UTC);
	}
}
