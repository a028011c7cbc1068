package org.openparking.api.shared.graphql;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;

/**
 * The query depth and complexity limits, checked once per operation text rather than on every request: both walk
 * the whole operation, which was about 9% of a holdSpot's CPU (bin/bench-holds), and clients repeat the same few
 * operations. Only operations that passed are remembered, so an abusive one pays for its check every time. The
 * verdict depends on the text and the operation name alone, unless {@code @skip}/{@code @include} make fields depend
 * on variables: such operations are checked every time.
 */
final class QueryLimits implements Instrumentation {

	private final Instrumentation limits;

	private final Cache<String, Boolean> passed;

	QueryLimits(int maxDepth, int maxComplexity, long rememberedOperations) {
		this.limits = new ChainedInstrumentation(List.of(new MaxQueryDepthInstrumentation(maxDepth),
				new MaxQueryComplexityInstrumentation(maxComplexity)));
		this.passed = Caffeine.newBuilder().maximumSize(rememberedOperations).build();
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return limits.createStateAsync(parameters);
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		return limits.beginValidation(parameters, state);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		String key = key(parameters);
		if (key != null && passed.getIfPresent(key) != null) {
			return SimpleInstrumentationContext.noOp();
		}
		InstrumentationContext<ExecutionResult> context = limits.beginExecuteOperation(parameters, state); // throws
		if (key != null) {
			passed.put(key, Boolean.TRUE);
		}
		return context;
	}

	/** Null when the verdict may depend on variables. */
	private static String key(InstrumentationExecuteOperationParameters parameters) {
		ExecutionContext execution = parameters.getExecutionContext();
		String query = execution.getExecutionInput().getQuery();
		if (query.contains("@skip") || query.contains("@include")) {
			return null;
		}
		String operation = execution.getOperationDefinition().getName();
		return (operation == null ? "" : operation) + '\n' + query;
	}
}
