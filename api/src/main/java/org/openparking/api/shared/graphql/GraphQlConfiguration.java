package org.openparking.api.shared.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.graphql.server.WebGraphQlInterceptor;

@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer dateTimeScalar() {
		return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
	}

	/**
	 * Requests already run on virtual threads, so a blocking controller method can run where it is called. Handing it
	 * to the task executor (Boot's default with virtual threads) only adds a thread hop, context propagation and an
	 * async servlet dispatch to every operation. With the observation settings in application.yaml this cut the CPU
	 * of a holdSpot by about a quarter (bin/bench-holds).
	 */
	@Bean
	static BeanPostProcessor controllerMethodsRunInline() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof AnnotatedControllerConfigurer configurer) {
					configurer.setBlockingMethodPredicate(method -> false);
				}
				return bean;
			}
		};
	}

	/** See {@link BusyLoadersRegistry}; Spring registers the request's loaders into the registry it finds. */
	@Bean
	WebGraphQlInterceptor dispatchOnlyBusyLoaders() {
		return (request, chain) -> {
			request.configureExecutionInput(
					(input, builder) -> builder.dataLoaderRegistry(new BusyLoadersRegistry()).build());
			return chain.next(request);
		};
	}

	@Bean
	Instrumentation queryLimits(GraphQlLimitsProperties limits) {
		return new QueryLimits(limits.maxDepth(), limits.maxComplexity(), limits.documentCacheSize());
	}

	/**
	 * Boot's instrumentation, observing graphql.request only: with graphql.datafetcher observations switched off
	 * (application.yaml) it still wrapped every data fetcher and copied every request's data loader registry.
	 */
	@Bean
	GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry registry) {
		return new GraphQlObservationInstrumentation(registry) {
			@Override
			public ExecutionInput instrumentExecutionInput(ExecutionInput input,
					InstrumentationExecutionParameters parameters, InstrumentationState state) {
				return input;
			}

			@Override
			public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher,
					InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
				return fetcher;
			}
		};
	}

	@Bean
	GraphQlSourceBuilderCustomizer documentCache(GraphQlLimitsProperties limits) {
		Cache<String, PreparsedDocumentEntry> cache = Caffeine.newBuilder()
			.maximumSize(limits.documentCacheSize())
			.build();
		PreparsedDocumentProvider provider = new PreparsedDocumentProvider() {
			@Override
			public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
					Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
				return CompletableFuture.completedFuture(
						cache.get(input.getQuery(), query -> parseAndValidate.apply(input)));
			}
		};
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
	}

	@Bean
	DataFetcherExceptionResolver badArgumentResolver() {
		return new DataFetcherExceptionResolverAdapter() {
			@Override
			protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
				return switch (ex) {
					case InvalidArgumentException bad -> error(env, ErrorType.BAD_REQUEST, bad.getMessage(), null);
					case BusinessException business -> error(env, ErrorType.BAD_REQUEST, business.getMessage(),
							business.error().code());
					default -> null;
				};
			}
		};
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message,
			UserErrorCode code) {
		var builder = GraphQLError.newError().errorType(type).message(message).path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation());
		if (code != null) {
			builder.extensions(java.util.Map.of("code", code.name()));
		}
		return builder.build();
	}
}
