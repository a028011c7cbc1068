package org.openparking.api.lots.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Joins the rows of one batch query back to the GraphQL sources that asked for them. */
final class Batches {

	private Batches() {
	}

	static <S, K> Set<K> keys(Collection<S> sources, Function<S, K> keyOf) {
		return sources.stream().map(keyOf).collect(Collectors.toSet());
	}

	/** Every source gets a list, empty when nothing belongs to it, since the GraphQL lists are non-null. */
	static <S, K, R> Map<S, List<R>> lists(Collection<S> sources, Function<S, K> keyOf, Map<K, List<R>> byKey) {
		Map<S, List<R>> result = new LinkedHashMap<>();
		for (S source : sources) {
			result.put(source, byKey.getOrDefault(keyOf.apply(source), List.of()));
		}
		return result;
	}

	static <S, K, R> Map<S, R> single(Collection<S> sources, Function<S, K> keyOf, Map<K, R> byKey) {
		Map<S, R> result = new LinkedHashMap<>();
		for (S source : sources) {
			R row = byKey.get(keyOf.apply(source));
			if (row != null) {
				result.put(source, row);
			}
		}
		return result;
	}
}
