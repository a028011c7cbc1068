package org.openparking.api.holds;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.support.GraphQlHttp;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GraphQL documents, a recorder of hold events and booking rows written straight to PostgreSQL. */
final class HoldTestSupport {

	static final String HOLD_SPOT = """
			mutation Hold($input: HoldSpotInput!) {
			  holdSpot(input: $input) {
			    hold { id from to expiresAt spot { id code } }
			    userErrors { code message field }
			  }
			}""";

	static final String RELEASE_HOLD = """
			mutation Release($input: ReleaseHoldInput!) {
			  releaseHold(input: $input) { releasedHoldId userErrors { code message field } }
			}""";

	private HoldTestSupport() {
	}

	static JsonNode holdSpot(GraphQlHttp graphQl, String token, Map<String, ?> input) {
		JsonNode response = graphQl.execute(token, HOLD_SPOT, Map.of("input", input));
		if (response.has("errors")) {
			throw new AssertionError("GraphQL errors: " + response.get("errors"));
		}
		return response.at("/data/holdSpot");
	}

	static Map<String, Object> namedSpot(UUID spot, TimeWindow window) {
		return Map.of("spotId", spot.toString(), "from", window.from().toString(), "to", window.to().toString());
	}

	/** The first user error's code, or "HELD" when the hold was placed. */
	static String outcome(JsonNode payload) {
		return payload.get("hold").isNull() ? payload.at("/userErrors/0/code").asString() : "HELD";
	}

	/** A booking only PostgreSQL knows of: Redis learns of it when the lot's claims are rebuilt. */
	static void insertConfirmedBooking(JdbcClient jdbc, LotId lot, SpotId spot, TimeWindow window) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into booking (id, lot_id, spot_id, user_id, hold_id, during, status, price_minor, currency,
				created_at, updated_at) values (?, ?, ?, 'someone', ?, tstzrange(?, ?, '[)'), 'CONFIRMED', 400,
				'EUR', ?, ?)""")
			.params(UUID.randomUUID(), lot.value(), spot.value(), UUID.randomUUID().toString(),
					Timestamp.from(window.from()), Timestamp.from(window.to()), now, now)
			.update();
	}

	/** Every hold event published in the test's application context. */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordedEvents {

		final List<Object> events = new CopyOnWriteArrayList<>();

		@EventListener
		void placed(HoldPlaced event) {
			events.add(event);
		}

		@EventListener
		void released(HoldReleased event) {
			events.add(event);
		}

		@EventListener
		void expired(HoldExpired event) {
			events.add(event);
		}

		<E> List<E> of(Class<E> type) {
			return events.stream().filter(type::isInstance).map(type::cast).toList();
		}
	}
}
