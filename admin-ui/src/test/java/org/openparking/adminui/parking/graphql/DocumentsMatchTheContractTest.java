package org.openparking.adminui.parking.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StreamUtils;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/**
 * Every document the admin UI sends is valid against the api's published SDL (the schema module), so a change of
 * the contract that breaks the UI fails this build, not a lot manager's screen.
 */
class DocumentsMatchTheContractTest {

	private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

	private static final GraphQLSchema SCHEMA = schema();

	private static GraphQLSchema schema() {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		for (Resource file : resources("classpath*:graphql/*.graphqls")) {
			registry.merge(new SchemaParser().parse(read(file)));
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

	static Stream<Resource> documents() {
		List<Resource> documents = resources("classpath*:graphql-documents/*.graphql");
		assertThat(documents).hasSizeGreaterThan(10);
		return documents.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documents")
	void isValid(Resource document) {
		Document parsed = Parser.parse(read(document));
		List<ValidationError> errors = new Validator().validateDocument(SCHEMA, parsed, Locale.ROOT);
		assertThat(errors).as(document.getFilename()).isEmpty();
	}

	private static List<Resource> resources(String pattern) {
		try {
			return List.of(RESOURCES.getResources(pattern));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Resource resource) {
		try (var in = resource.getInputStream()) {
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
