package org.openparking.api.bookings;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.openparking.api.support.GraphQlHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** The booking operations over real HTTP, as a driver's app calls them; holds through the real holdSpot mutation. */
public final class BookingApi {

	static final String BOOKING_FIELDS = """
			id status from to vehiclePlate createdAt price { amountMinor currency }
			payments { id status amount { amountMinor currency } providerReference failureReason
			  refunds { id status amount { amountMinor currency } } }""";

	private static final String HOLD = """
			mutation($input: HoldSpotInput!) {
			  holdSpot(input: $input) { hold { id expiresAt } userErrors { code message field } }
			}""";

	private static final String CONFIRM = """
			mutation($input: ConfirmBookingInput!) {
			  confirmBooking(input: $input) { booking { %s } userErrors { code message field } }
			}""".formatted(BOOKING_FIELDS);

	private static final String CANCEL = """
			mutation($input: CancelBookingInput!) {
			  cancelBooking(input: $input) {
			    booking { %s } refunded { amountMinor currency } userErrors { code message field }
			  }
			}""".formatted(BOOKING_FIELDS);

	private static final String EXTEND = """
			mutation($input: ExtendBookingInput!) {
			  extendBooking(input: $input) {
			    booking { %s } additionalCharge { amountMinor currency } userErrors { code message field }
			  }
			}""".formatted(BOOKING_FIELDS);

	private static final String BOOKING = """
			query($id: ID!) { booking(id: $id) { %s lot { id name } spot { id code } } }""".formatted(BOOKING_FIELDS);

	private final GraphQlHttp http;

	BookingApi(GraphQlHttp http) {
		this.http = http;
	}

	/** The holdSpot payload. */
	public JsonNode holdSpot(String token, UUID spotId, Instant from, Instant to) {
		return data(http.execute(token, HOLD,
				Map.of("input", Map.of("spotId", spotId.toString(), "from", from.toString(), "to", to.toString()))))
			.path("holdSpot");
	}

	public String hold(String token, UUID spotId, Instant from, Instant to) {
		JsonNode payload = holdSpot(token, spotId, from, to);
		assertThat(payload.path("userErrors").size()).as("hold errors: %s", payload).isZero();
		return payload.path("hold").path("id").asString();
	}

	/** The confirmBooking payload; {@code plate} and {@code key} may be null. */
	public JsonNode confirm(String token, String holdId, String paymentMethodToken, String plate, String key) {
		Map<String, Object> input = new HashMap<>();
		input.put("holdId", holdId);
		input.put("paymentMethodToken", paymentMethodToken);
		input.put("vehiclePlate", plate);
		input.put("idempotencyKey", key);
		return data(http.execute(token, CONFIRM, Map.of("input", input))).path("confirmBooking");
	}

	/** Holds and confirms; returns the booking id (its payment is still on its way). */
	public String book(String token, UUID spotId, Instant from, Instant to, String paymentMethodToken) {
		JsonNode payload = confirm(token, hold(token, spotId, from, to), paymentMethodToken, null, null);
		assertThat(payload.path("userErrors").size()).as("confirm errors: %s", payload).isZero();
		return payload.path("booking").path("id").asString();
	}

	/** Books and waits until the pipeline has confirmed it. */
	public String bookConfirmed(String token, UUID spotId, Instant from, Instant to) {
		String id = book(token, spotId, from, to, "tok_approve");
		awaitStatus(token, id, "CONFIRMED");
		return id;
	}

	public JsonNode cancel(String token, String bookingId, String reason, String key) {
		Map<String, Object> input = new HashMap<>();
		input.put("bookingId", bookingId);
		input.put("reason", reason);
		input.put("idempotencyKey", key);
		return data(http.execute(token, CANCEL, Map.of("input", input))).path("cancelBooking");
	}

	public JsonNode extend(String token, String bookingId, Instant newTo, String paymentMethodToken, String key) {
		Map<String, Object> input = new HashMap<>();
		input.put("bookingId", bookingId);
		input.put("newTo", newTo.toString());
		input.put("paymentMethodToken", paymentMethodToken);
		input.put("idempotencyKey", key);
		return data(http.execute(token, EXTEND, Map.of("input", input))).path("extendBooking");
	}

	/** The booking as the caller sees it: a null node when invisible. */
	public JsonNode booking(String token, String id) {
		return data(http.execute(token, BOOKING, Map.of("id", id))).path("booking");
	}

	public JsonNode awaitStatus(String token, String id, String status) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		JsonNode booking = booking(token, id);
		while (!status.equals(booking.path("status").asString()) && Instant.now().isBefore(deadline)) {
			pause();
			booking = booking(token, id);
		}
		assertThat(booking.path("status").asString()).as("status of booking %s", id).isEqualTo(status);
		return booking;
	}

	public JsonNode execute(String token, String document, Map<String, ?> variables) {
		return http.execute(token, document, variables);
	}

	public static JsonNode data(JsonNode response) {
		assertThat(response.path("errors").isMissingNode()).as("GraphQL errors: %s", response).isTrue();
		return response.path("data");
	}

	public static List<String> codes(JsonNode payload) {
		return payload.path("userErrors").valueStream().map(error -> error.path("code").asString()).toList();
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
