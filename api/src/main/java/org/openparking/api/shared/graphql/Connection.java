package org.openparking.api.shared.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A Relay connection; every list in the schema is one. */
public record Connection<N>(List<Edge<N>> edges, PageInfo pageInfo) {

	/**
	 * Builds a page from rows fetched with {@code limit = first + 1}: the extra row only tells that a next page exists.
	 */
	public static <N> Connection<N> of(List<N> rowsPlusOne, PageRequest page, Function<N, String> cursorOf) {
		boolean hasNext = rowsPlusOne.size() > page.first();
		List<N> rows = hasNext ? rowsPlusOne.subList(0, page.first()) : rowsPlusOne;
		List<Edge<N>> edges = new ArrayList<>(rows.size());
		for (N row : rows) {
			edges.add(new Edge<>(Cursors.encode(cursorOf.apply(row)), row));
		}
		String start = edges.isEmpty() ? null : edges.getFirst().cursor();
		String end = edges.isEmpty() ? null : edges.getLast().cursor();
		return new Connection<>(edges, new PageInfo(hasNext, page.after() != null, start, end));
	}
}
