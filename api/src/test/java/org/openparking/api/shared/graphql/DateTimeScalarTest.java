package org.openparking.api.shared.graphql;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path gives what {@link OffsetDateTime#parse} gives, or leaves the text to it. */
class DateTimeScalarTest {

	@Test
	void parsesTheUsualShapeAsTheIsoParserDoes() {
		for (String text : List.of("2026-11-21T18:00:00Z", "2026-11-21T18:00:00.1Z", "2026-11-21T18:00:00.123Z",
				"2026-11-21T18:00:00.123456789Z", "2024-02-29T23:59:59.999Z", "0001-01-01T00:00:00Z")) {
			assertThat(DateTimeScalar.InstantCoercing.parseUtc(text)).as(text)
				.isEqualTo(OffsetDateTime.parse(text).toInstant());
		}
	}

	@Test
	void leavesEverythingElseToTheIsoParser() {
		for (String text : List.of("2026-11-21T18:00Z", "2026-11-21T18:00:00+01:00", "2026-11-21t18:00:00z",
				"2026-11-21T18:00:00.Z", "2026-11-21T18:00:00.1234567891Z", "2025-02-29T10:00:00Z",
				"2026-11-21T24:00:00Z", "2026-13-01T10:00:00Z", "2026-11-21T18:00:60Z", "+2026-11-21T18:00:00Z",
				"2026-11-2XT18:00:00Z", "2026-11-21 18:00:00Z", "")) {
			assertThat(DateTimeScalar.InstantCoercing.parseUtc(text)).as(text).isNull();
		}
	}
}
