package org.openparking.api.shared.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** {@code DateTime}: ISO-8601 with an offset on the wire, {@link Instant} in Java. */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An ISO-8601 instant with offset")
		.coercing(new InstantCoercing())
		.build();

	private DateTimeScalar() {
	}

	private static final class InstantCoercing implements Coercing<Instant, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			return switch (value) {
				case Instant instant -> instant.toString();
				case OffsetDateTime odt -> odt.toInstant().toString();
				default -> throw new CoercingSerializeException("Not a DateTime: " + value.getClass().getSimpleName());
			};
		}

		@Override
		public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				return parse(text, CoercingParseValueException::new);
			}
			throw new CoercingParseValueException("DateTime must be an ISO-8601 string with an offset");
		}

		@Override
		public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			if (input instanceof StringValue text) {
				return parse(text.getValue(), CoercingParseLiteralException::new);
			}
			throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string with an offset");
		}

		private static <E extends RuntimeException> Instant parse(String text,
				java.util.function.Function<String, E> error) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw error.apply("Invalid DateTime '" + text + "': expected ISO-8601 with an offset, e.g. 2026-11-21T18:00:00Z");
			}
		}
	}
}
