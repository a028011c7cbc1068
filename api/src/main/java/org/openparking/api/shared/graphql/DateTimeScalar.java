package org.openparking.api.shared.graphql;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

	static final class InstantCoercing implements Coercing<Instant, String> {

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
			Instant utc = parseUtc(text);
			if (utc != null) {
				return utc;
			}
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw error.apply("Invalid DateTime '" + text + "': expected ISO-8601 with an offset, e.g. 2026-11-21T18:00:00Z");
			}
		}

		/**
		 * The usual shape, {@code 2026-11-21T18:00:00[.fraction]Z}, without the general formatter, which was 2% of a
		 * holdSpot's CPU (bin/bench-holds). Null for anything else, which {@link OffsetDateTime#parse} then accepts
		 * or refuses as before; out-of-range fields (February 30th, hour 24) are refused the same way.
		 */
		static Instant parseUtc(String text) {
			int length = text.length();
			if (length < 20 || length > 30 || length == 21 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
					|| text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
					|| text.charAt(16) != ':') {
				return null;
			}
			int nanos = 0;
			if (length > 20) {
				if (text.charAt(19) != '.') {
					return null;
				}
				for (int i = 20; i < length - 1; i++) {
					int digit = digit(text, i);
					if (digit < 0) {
						return null;
					}
					nanos = nanos * 10 + digit;
				}
				for (int i = length - 1; i < 29; i++) {
					nanos *= 10;
				}
			}
			int year = number(text, 0, 4);
			int month = number(text, 5, 2);
			int day = number(text, 8, 2);
			int hour = number(text, 11, 2);
			int minute = number(text, 14, 2);
			int second = number(text, 17, 2);
			if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
				return null;
			}
			try {
				return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}

		/** The unsigned decimal of {@code digits} characters at {@code from}; -1 if one is not a digit. */
		private static int number(String text, int from, int digits) {
			int value = 0;
			for (int i = from; i < from + digits; i++) {
				int digit = digit(text, i);
				if (digit < 0) {
					return -1;
				}
				value = value * 10 + digit;
			}
			return value;
		}

		private static int digit(String text, int index) {
			char c = text.charAt(index);
			return c >= '0' && c <= '9' ? c - '0' : -1;
		}
	}
}
