package org.openparking.api.shared.graphql;

public record Edge<N>(String cursor, N node) {
}
