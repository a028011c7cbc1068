package org.openparking.api.shared.graphql;

public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
