package org.openparking.api.sessions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.openparking.api.security.Role;
import org.openparking.api.sessions.SessionClient.UserErrorSeen;
import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.LotFixtures.TestLot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openparking.api.sessions.SessionClient.input;
import static org.openparking.api.sessions.SessionClient.onlyError;

/** Every refusal is a typed user error on the input field at fault; no session is left behind. */
@ApiIntegrationTest
class StartSessionValidationTest extends SessionTestSupport {

	private static final List<String> PLATE = List.of("input", "vehiclePlate");

	private static final List<String> LOT = List.of("input", "lotId");

	private static final List<String> SPOT = List.of("input", "spotId");

	private static final List<String> CLASS = List.of("input", "spotClass");

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "A", "AB--12", "AB 12-", "-AB12", "AB_12", "AB.12", "AB/12", "ABCDE 123456",
			"AB\u200B12", "<script>" })
	void badPlatesAreRefusedOnThePlateField(String plate) {
		assertRefused(input("lotId", lot.id(), "vehiclePlate", plate), "INVALID_PLATE", PLATE);
	}

	@Test
	void aMissingOrMalformedLotIsRefusedOnTheLotField() {
		assertRefused(input("lotId", UUID.randomUUID(), "vehiclePlate", "B-AB 1"), "NOT_FOUND", LOT);
		assertRefused(input("lotId", "lot-42", "vehiclePlate", "B-AB 1"), "INVALID_INPUT", LOT);
	}

	@Test
	void aSpotOfAnotherLotIsNotFound() {
		TestLot other = newLot(1);
		assertRefused(input("lotId", lot.id(), "spotId", other.spotIds().getFirst(), "vehiclePlate", "B-AB 1"),
				"NOT_FOUND", SPOT);
		assertRefused(input("lotId", lot.id(), "spotId", "S001", "vehiclePlate", "B-AB 1"), "INVALID_INPUT", SPOT);
	}

	@Test
	void aClassWithoutTariffOrNotMatchingTheNamedSpotIsRefusedOnTheClassField() {
		assertRefused(input("lotId", lot.id(), "spotClass", "EV_CHARGING", "vehiclePlate", "B-AB 1"),
				"TARIFF_MISSING", CLASS);
		assertRefused(input("lotId", lot.id(), "spotId", lot.spotIds().getFirst(), "spotClass", "MOTORCYCLE",
				"vehiclePlate", "B-AB 1"), "INVALID_INPUT", CLASS);
	}

	@Test
	void aLotClosedNowIsRefusedOnTheLotField() {
		TestLot closed = newLot(1);
		// Open only on a day that is not today where the lot is; written before the catalog first reads the lot.
		DayOfWeek otherDay = LocalDate.now(ZoneId.of("Europe/Berlin")).getDayOfWeek().plus(3);
		jdbc.sql("insert into lot_opening_hours (lot_id, day_of_week, opens, closes) values (?, ?, '08:00', '18:00')")
			.params(closed.id(), otherDay.getValue())
			.update();

		assertRefused(input("lotId", closed.id(), "vehiclePlate", "B-AB 1"), "LOT_CLOSED", LOT);
	}

	@Test
	void aClosedSpotIsRefusedByNameAndNeverPickedForAClass() {
		TestLot small = newLot(1);
		UUID spot = small.spotIds().getFirst();
		String operator = jdbc.sql("select operator_id from lot where id = ?").param(small.id()).query(String.class)
			.single();
		JsonNode closed = http.execute(tokens.mint(operator, Role.OPERATOR), """
				mutation Close($input: SetSpotStateInput!) {
				  setSpotState(input: $input) { spot { administrativeState } userErrors { code } }
				}""", Map.of("input", Map.of("spotId", spot.toString(), "state", "CLOSED", "reason", "Repainting")));
		assertThat(SessionClient.data(closed, "setSpotState").path("spot").path("administrativeState").asString())
			.isEqualTo("CLOSED");

		assertRefused(input("lotId", small.id(), "spotId", spot, "vehiclePlate", "B-AB 1"), "SPOT_CLOSED", SPOT);
		assertRefused(input("lotId", small.id(), "vehiclePlate", "B-AB 1"), "NO_SPOT_AVAILABLE", CLASS);
	}

	@Test
	void anonymousCallersAreUnauthorized() {
		Map<String, Object> start = Map.of("input", input("lotId", lot.id(), "vehiclePlate", "B-AB 1"));
		Map<String, Object> end = Map.of("input", Map.of());
		assertUnauthorized(http.execute(null, SessionClient.START, start));
		assertUnauthorized(http.execute(null, SessionClient.END, end));
		assertUnauthorized(http.execute(null, SessionClient.CURRENT));
	}

	private void assertRefused(Map<String, Object> input, String code, List<String> field) {
		JsonNode payload = sessions.start(driver, input);
		assertThat(payload.path("session").isNull()).isTrue();
		assertThat(onlyError(payload)).isEqualTo(new UserErrorSeen(code, field));
		assertThat(sessionsOf(user)).isZero();
	}

	private static void assertUnauthorized(JsonNode response) {
		assertThat(response.path("errors").get(0).path("extensions").path("classification").asString())
			.as("%s", response)
			.isEqualTo("UNAUTHORIZED");
	}
}
