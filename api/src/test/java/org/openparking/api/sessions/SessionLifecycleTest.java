package org.openparking.api.sessions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.Pricing;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.sessions.SessionClient.UserErrorSeen;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.LotFixtures.TestLot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.sessions.SessionClient.input;
import static org.openparking.api.sessions.SessionClient.onlyError;

@ApiIntegrationTest
class SessionLifecycleTest extends SessionTestSupport {

	private static final String CARD = "tok_approve";

	private static final List<String> PAYMENT_METHOD = List.of("input", "paymentMethodToken");

	@Autowired
	Pricing pricing;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	Sessions lookup;

	@Test
	void endingChargesByTariffOverTheStayAndFreesTheSpot() {
		UUID spot = lot.spotIds().getFirst();
		assertThat(sessions.current(driver).isNull()).isTrue();

		JsonNode started = sessions.startOn(driver, lot.id(), spot, " b-ab 123 ").path("session");
		assertThat(started.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(started.path("vehiclePlate").asString()).isEqualTo("B-AB 123");
		assertThat(started.path("spot").path("code").asString()).isEqualTo("S001");
		assertThat(started.path("lot").path("id").asString()).isEqualTo(lot.id().toString());
		assertThat(started.path("latestAllowedEnd").isNull()).isTrue();
		assertThat(started.path("charge").isNull()).isTrue();
		assertThat(sessions.current(driver).path("id").asString()).isEqualTo(started.path("id").asString());

		// Parked for two and a half hours.
		jdbc.sql("update parking_session set started_at = started_at - interval '150 minutes' where id = ?")
			.param(UUID.fromString(started.path("id").asString()))
			.update();
		JsonNode ended = sessions.end(driver, CARD);

		assertThat(ended.path("userErrors").isEmpty()).as("%s", ended).isTrue();
		JsonNode session = ended.path("session");
		assertThat(session.path("status").asString()).isEqualTo("COMPLETED");
		Money byTariff = pricing
			.price(new LotId(lot.id()), SpotClass.STANDARD,
					new TimeWindow(Instant.parse(session.path("startedAt").asString()),
							Instant.parse(session.path("endedAt").asString())))
			.orElseThrow();
		assertThat(byTariff.amountMinor()).as("2.5 h at 2.00/h").isGreaterThanOrEqualTo(500);
		assertThat(money(session.path("charge"))).isEqualTo(byTariff);
		assertThat(session.path("payments").size()).isEqualTo(1);
		assertThat(session.path("payments").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(money(session.path("payments").get(0).path("amount"))).isEqualTo(byTariff);
		assertThat(sessions.current(driver).isNull()).isTrue();

		String next = newDriver();
		JsonNode again = sessions.startOn(next, lot.id(), spot, "B-XY 99");
		assertThat(again.path("userErrors").isEmpty()).as("%s", again).isTrue();
		assertThat(again.path("session").path("spot").path("id").asString()).isEqualTo(spot.toString());
	}

	@Test
	void aDeclinedPaymentStillEndsTheSessionAndTheChargeStaysOwed() {
		sessions.start(driver, lot.id(), "D-EC 1");

		JsonNode ended = sessions.end(driver, "tok_decline");

		assertThat(onlyError(ended)).isEqualTo(
				new UserErrorSeen("PAYMENT_DECLINED", PAYMENT_METHOD));
		JsonNode session = ended.path("session");
		assertThat(session.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(money(session.path("charge"))).as("the tariff's minimum charge").isEqualTo(new Money(100, "EUR"));
		JsonNode payment = session.path("payments").get(0);
		assertThat(payment.path("status").asString()).isEqualTo("FAILED");
		assertThat(money(payment.path("amount"))).isEqualTo(new Money(100, "EUR"));
		assertThat(jdbc.sql("select idempotency_key from payment where session_id = ?")
			.param(UUID.fromString(session.path("id").asString()))
			.query(String.class)
			.list()).containsExactly("session:" + session.path("id").asString());
		assertThat(sessions.current(driver).isNull()).isTrue();
		assertThat(onlyError(sessions.end(driver, CARD)).code()).isEqualTo("NO_ACTIVE_SESSION");
	}

	@Test
	void aFreeStayNeedsNoPaymentMethodAndRecordsNoPayment() {
		TestLot free = newLot(1);
		// Before the catalog first reads the lot, so its tariff is read as free.
		jdbc.sql("update tariff set hourly_rate_minor = 0, minimum_charge_minor = 0 where lot_id = ?")
			.param(free.id())
			.update();
		sessions.start(driver, free.id(), "F-RE 1");

		JsonNode ended = sessions.end(driver, null);

		assertThat(ended.path("userErrors").isEmpty()).as("%s", ended).isTrue();
		assertThat(money(ended.path("session").path("charge"))).isEqualTo(new Money(0, "EUR"));
		assertThat(ended.path("session").path("payments").isEmpty()).isTrue();
	}

	@Test
	void endingWithoutAnActiveSessionIsAUserError() {
		assertThat(onlyError(sessions.end(driver, CARD)).code()).isEqualTo("NO_ACTIVE_SESSION");
	}

	@Test
	void aStayThatCostsSomethingNeedsAPaymentMethodAndStaysActiveWithout() {
		sessions.start(driver, lot.id(), "K-AB 1");

		JsonNode refused = sessions.end(driver, null);

		assertThat(onlyError(refused)).isEqualTo(new UserErrorSeen("INVALID_INPUT", PAYMENT_METHOD));
		assertThat(sessions.current(driver).path("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void aRepeatedIdempotencyKeyReturnsTheFirstSession() {
		var input = input("lotId", lot.id(), "vehiclePlate", "HH-AB 12", "idempotencyKey", "start-" + UUID.randomUUID());

		JsonNode first = sessions.start(driver, input);
		JsonNode second = sessions.start(driver, input);

		assertThat(second.path("session").path("id").asString()).isEqualTo(first.path("session").path("id").asString());
		assertThat(second.path("userErrors").isEmpty()).isTrue();
	}

	@Test
	void activeSessionsAreRebuiltIntoRedisAfterTheClaimsWereLost() {
		sessions.startOn(driver, lot.id(), lot.spotIds().getFirst(), "M-AB 7");

		// As after a Redis restart: the lot's claims are gone and are rebuilt from PostgreSQL on the next use.
		redis.delete(redis.keys("*{lot:" + lot.id() + "}*"));
		String other = newDriver();

		// Without the rebuilt session claim, both spots would be free for ever and S001 would win on its code.
		JsonNode walkIn = sessions.start(other, lot.id(), "M-CD 8");
		assertThat(walkIn.path("session").path("spot").path("code").asString()).as("%s", walkIn).isEqualTo("S002");
	}

	@Test
	void otherModulesFindSessionsOneByOneOrInBatches() {
		SessionId id = SessionId.parse(sessions.start(driver, lot.id(), "L-UP 1").path("session").path("id").asString());

		assertThat(lookup.find(id)).map(SessionView::status).contains(SessionStatus.ACTIVE);
		assertThat(lookup.activeOf(new UserId(user))).map(SessionView::id).contains(id.value());
		assertThat(lookup.find(List.of(id, SessionId.random()))).containsOnlyKeys(id);
	}

	private static Money money(JsonNode node) {
		return new Money(node.path("amountMinor").asLong(), node.path("currency").asString());
	}
}
