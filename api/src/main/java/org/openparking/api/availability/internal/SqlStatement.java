package org.openparking.api.availability.internal;

import java.util.Map;

/** One SQL statement with its named parameters: what the application runs, and what the benchmark explains. */
public record SqlStatement(String sql, Map<String, Object> params) {

	public SqlStatement {
		params = Map.copyOf(params);
	}
}
