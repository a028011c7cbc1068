package org.openparking.api.shared.graphql;

import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Remembering operations that passed must never let one through that exceeds a limit. */
class QueryLimitsTest {

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
			new SchemaParser().parse("type Query { node: Node } type Node { id: ID, next: Node }"),
			RuntimeWiring.newRuntimeWiring().build());

	private final GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).instrumentation(new QueryLimits(3, 5, 100)).build();

	@Test
	void refusesATooDeepOperationEveryTime() {
		String deep = "{ node { next { next { next { id } } } } }";
		assertThat(run(deep, Map.of()).getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getMessage()).containsIgnoringCase("depth"));
		assertThat(run(deep, Map.of()).getErrors()).hasSize(1);
	}

	@Test
	void refusesATooComplexOperationEveryTime() {
		String wide = "{ a: node { id } b: node { id } c: node { id } }";
		assertThat(run(wide, Map.of()).getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getMessage()).containsIgnoringCase("complexity"));
		assertThat(run(wide, Map.of()).getErrors()).hasSize(1);
	}

	@Test
	void passesAnOperationWithinTheLimitsEveryTime() {
		String fine = "{ node { next { id } } }";
		assertThat(run(fine, Map.of()).getErrors()).isEmpty();
		assertThat(run(fine, Map.of()).getErrors()).isEmpty();
	}

	@Test
	void checksAgainWhenVariablesDecideWhichFieldsRun() {
		String conditional = "query($deep: Boolean!) { node { next { next @include(if: $deep) { next { id } } } } }";
		assertThat(run(conditional, Map.of("deep", false)).getErrors()).isEmpty();
		assertThat(run(conditional, Map.of("deep", true)).getErrors()).hasSize(1);
	}

	private ExecutionResult run(String query, Map<String, Object> variables) {
		return graphQl.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
	}
}
