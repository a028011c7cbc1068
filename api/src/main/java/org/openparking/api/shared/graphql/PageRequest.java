package org.openparking.api.shared.graphql;

/** {@code first}/{@code after} of a connection, validated against the page-size cap. {@code after} is decoded. */
public record PageRequest(int first, String after) {

	public static PageRequest of(Integer first, String after, PagingProperties paging) {
		int size = first == null ? paging.defaultPageSize() : first;
		if (size < 1 || size > paging.maxPageSize()) {
			throw new InvalidArgumentException("first must be between 1 and " + paging.maxPageSize());
		}
		return new PageRequest(size, after == null ? null : Cursors.decode(after));
	}

	/** Rows to fetch: one more than the page, to learn whether a next page exists. */
	public int limit() {
		return first + 1;
	}
}
