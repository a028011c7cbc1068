package org.openparking.api.shared.jdbc;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.openparking.api.support.ApiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids reach PostgreSQL as a {@code uuid[]} parameter, so a statement that filters rows with them has nothing to cast
 * per row.
 */
@ApiIntegrationTest
class SqlArraysTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void idsAreBoundAsAUuidArray() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();

		String type = jdbc.sql("select pg_typeof(?)::text").param(SqlArrays.uuids(List.of(first, second)))
			.query(String.class)
			.single();
		List<UUID> back = jdbc.sql("select unnest(?::uuid[])").param(SqlArrays.uuids(List.of(first, second)))
			.query(UUID.class)
			.list();

		assertThat(type).isEqualTo("uuid[]");
		assertThat(back).containsExactly(first, second);
	}

	@Test
	void noIdsAreAnEmptyArray() {
		assertThat(jdbc.sql("select cardinality(?::uuid[])").param(SqlArrays.uuids(List.of()))
			.query(Integer.class)
			.single()).isZero();
	}
}
