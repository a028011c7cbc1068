package org.openparking.adminui.parking.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.openparking.adminui.parking.AdministrativeState;
import org.openparking.adminui.parking.Alert;
import org.openparking.adminui.parking.AlertKind;
import org.openparking.adminui.parking.AlertStatus;
import org.openparking.adminui.parking.DeadLetter;
import org.openparking.adminui.parking.LotBoard;
import org.openparking.adminui.parking.LotEvent;
import org.openparking.adminui.parking.LotSummary;
import org.openparking.adminui.parking.NewLot;
import org.openparking.adminui.parking.NewSpot;
import org.openparking.adminui.parking.OccupancyKpis;
import org.openparking.adminui.parking.ParkingApi;
import org.openparking.adminui.parking.SensorInfo;
import org.openparking.adminui.parking.SpotDetail;
import org.openparking.adminui.parking.Stay;
import org.openparking.adminui.parking.StayQuery;
import org.openparking.adminui.parking.Tariff;
import org.openparking.adminui.parking.graphql.GraphQlDtos.AlertDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.BookingDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.DeadLetterDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.KpisDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.LotDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.SensorDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.SessionDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.TariffDto;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.stereotype.Component;

/** {@link ParkingApi} over the api's public GraphQL contract, acting as the logged-in user. */
@Component
class GraphQlParkingApi implements ParkingApi {

	private final ApiRequests requests;

	private final LotWatches watches;

	GraphQlParkingApi(ApiRequests requests, LotWatches watches) {
		this.requests = requests;
		this.watches = watches;
	}

	@Override
	public List<LotSummary> lots() {
		List<LotSummary> lots = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			Map<String, Object> variables = new HashMap<>();
			variables.put("after", after);
			ClientGraphQlResponse page = requests.query("lots", variables);
			page.field("managedLots.edges").toEntityList(LotEdge.class)
				.stream()
				.map(LotEdge::node)
				.map(GraphQlMappings::summary)
				.forEach(lots::add);
			more = Boolean.TRUE.equals(page.field("managedLots.pageInfo.hasNextPage").getValue());
			after = page.field("managedLots.pageInfo.endCursor").getValue();
		}
		lots.sort(Comparator.comparing(LotSummary::name));
		return lots;
	}

	@Override
	public Optional<LotSummary> lotSummary(String lotId) {
		return lot("lotSummary", Map.of("id", lotId)).map(GraphQlMappings::summary);
	}

	@Override
	public Optional<LotBoard> lotBoard(String lotId) {
		return lot("lotBoard", Map.of("id", lotId)).map(GraphQlMappings::board);
	}

	@Override
	public Optional<SpotDetail> spot(String lotId, String spotId) {
		Optional<LotDto> lot = lot("spotDetail", Map.of("lotId", lotId));
		return lot.flatMap(found -> found.levels()
			.stream()
			.flatMap(level -> level.spots().stream().filter(s -> s.id().equals(spotId)).map(s -> {
				SensorInfo sensor = s.sensor() == null ? null : GraphQlMappings.sensor(s.sensor());
				List<Stay> stays = stays(lotId, StayQuery.ofSpot(spotId));
				return new SpotDetail(found.id(), found.name(), found.operatorId(),
						GraphQlMappings.tile(level.code(), s), sensor, stays);
			}))
			.findFirst());
	}

	private Optional<LotDto> lot(String document, Map<String, ?> variables) {
		return Optional.ofNullable(requests.query(document, variables).field("lot").toEntity(LotDto.class));
	}

	@Override
	public List<Alert> alerts(String lotId, List<AlertStatus> statuses, List<AlertKind> kinds) {
		Map<String, Object> filter = new HashMap<>();
		if (!statuses.isEmpty()) {
			filter.put("statuses", statuses);
		}
		if (!kinds.isEmpty()) {
			filter.put("kinds", kinds);
		}
		return requests.query("alerts", Map.of("lotId", lotId, "filter", filter))
			.field("alerts.edges")
			.toEntityList(AlertEdge.class)
			.stream()
			.map(edge -> GraphQlMappings.alert(edge.node()))
			.toList();
	}

	@Override
	public Alert acknowledgeAlert(String alertId, String note) {
		return alertAction("acknowledgeAlert", alertId, note);
	}

	@Override
	public Alert resolveAlert(String alertId, String note) {
		return alertAction("resolveAlert", alertId, note);
	}

	private Alert alertAction(String mutation, String alertId, String note) {
		Map<String, Object> input = new HashMap<>();
		input.put("alertId", alertId);
		input.put("note", note);
		return GraphQlMappings.alert(
				requests.mutate(mutation, mutation, input).field(mutation + ".alert").toEntity(AlertDto.class));
	}

	@Override
	public List<Stay> stays(String lotId, StayQuery query) {
		Map<String, Object> filter = new HashMap<>();
		putIfSet(filter, "vehiclePlate", query.vehiclePlate());
		putIfSet(filter, "userId", query.userId());
		putIfSet(filter, "from", query.from());
		putIfSet(filter, "to", query.to());
		putIfSet(filter, "spotId", query.spotId());
		ClientGraphQlResponse response = requests.query("lotStays",
				Map.of("lotId", lotId, "bookings", filter, "sessions", filter));
		Stream<Stay> bookings = response.field("lotBookings.edges").toEntityList(BookingEdge.class).stream()
			.map(BookingEdge::node)
			.map(b -> new Stay(Stay.Kind.BOOKING, b.id(), b.status(), b.spot().id(), b.spot().code(), b.userId(),
					b.vehiclePlate(), b.from(), b.to(), GraphQlMappings.payments(b.payments())));
		Stream<Stay> sessions = response.field("lotSessions.edges").toEntityList(SessionEdge.class).stream()
			.map(SessionEdge::node)
			.map(s -> new Stay(Stay.Kind.SESSION, s.id(), s.status(), s.spot().id(), s.spot().code(), s.userId(),
					s.vehiclePlate(), s.startedAt(), s.endedAt(), GraphQlMappings.payments(s.payments())));
		return Stream.concat(bookings, sessions).sorted(Comparator.comparing(Stay::from).reversed()).toList();
	}

	private static void putIfSet(Map<String, Object> map, String key, Object value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			map.put(key, value instanceof Instant instant ? instant.toString() : value);
		}
	}

	@Override
	public void cancelBooking(String bookingId, String reason) {
		Map<String, Object> input = new HashMap<>();
		input.put("bookingId", bookingId);
		putIfSet(input, "reason", reason);
		requests.mutate("cancelBooking", "cancelBooking", input);
	}

	@Override
	public void refundPayment(String paymentId, Long amountMinor, String reason) {
		Map<String, Object> input = new HashMap<>();
		input.put("paymentId", paymentId);
		putIfSet(input, "amountMinor", amountMinor);
		putIfSet(input, "reason", reason);
		requests.mutate("refundPayment", "refundPayment", input);
	}

	@Override
	public String createLot(NewLot lot) {
		Map<String, Object> address = new HashMap<>();
		putIfSet(address, "street", lot.street());
		address.put("city", lot.city());
		putIfSet(address, "postalCode", lot.postalCode());
		address.put("countryCode", lot.countryCode());
		Map<String, Object> input = new HashMap<>();
		input.put("name", lot.name());
		input.put("address", address);
		input.put("location", Map.of("latitude", lot.latitude(), "longitude", lot.longitude()));
		input.put("timeZone", lot.timeZone());
		input.put("openingHours", lot.openingHours()
			.stream()
			.map(day -> Map.of("dayOfWeek", day.dayOfWeek().name(), "opens", day.opens(), "closes", day.closes()))
			.toList());
		input.put("levels", lot.levels()
			.stream()
			.map(level -> Map.of("code", level.code(), "name", level.name(), "ordinal", level.ordinal()))
			.toList());
		putIfSet(input, "operatorId", lot.operatorId());
		return requests.mutate("createLot", "createLot", input).field("createLot.lot.id").getValue();
	}

	@Override
	public int addSpots(String lotId, String levelCode, List<NewSpot> spots) {
		var input = Map.of("lotId", lotId, "levelCode", levelCode, "spots",
				spots.stream().map(spot -> Map.of("code", spot.code(), "spotClass", spot.spotClass().name())).toList());
		return requests.mutate("addSpots", "addSpots", input).field("addSpots.spots").toEntityList(Object.class)
			.size();
	}

	@Override
	public void setSpotState(String spotId, AdministrativeState state, String reason) {
		Map<String, Object> input = new HashMap<>();
		input.put("spotId", spotId);
		input.put("state", state.name());
		putIfSet(input, "reason", reason);
		requests.mutate("setSpotState", "setSpotState", input);
	}

	@Override
	public List<Tariff> tariffs(String lotId) {
		return requests.query("tariffs", Map.of("id", lotId))
			.field("lot.tariffs")
			.toEntityList(TariffDto.class)
			.stream()
			.map(t -> new Tariff(t.spotClass(), t.hourlyRate().currency(), t.hourlyRate().amountMinor(),
					t.dailyMaximum() == null ? null : t.dailyMaximum().amountMinor(),
					t.minimumCharge().amountMinor()))
			.toList();
	}

	@Override
	public void setTariff(String lotId, Tariff tariff) {
		Map<String, Object> input = new HashMap<>();
		input.put("lotId", lotId);
		input.put("spotClass", tariff.spotClass().name());
		input.put("currency", tariff.currency());
		input.put("hourlyRateMinor", tariff.hourlyRateMinor());
		putIfSet(input, "dailyMaximumMinor", tariff.dailyMaximumMinor());
		input.put("minimumChargeMinor", tariff.minimumChargeMinor());
		requests.mutate("setTariff", "setTariff", input);
	}

	@Override
	public List<SensorInfo> sensors(String lotId) {
		return requests.query("sensors", Map.of("lotId", lotId))
			.field("sensors.edges")
			.toEntityList(SensorEdge.class)
			.stream()
			.map(edge -> GraphQlMappings.sensor(edge.node()))
			.toList();
	}

	@Override
	public void registerSensor(String deviceId, String spotId, String model) {
		requests.mutate("registerSensor", "registerSensor",
				Map.of("deviceId", deviceId, "spotId", spotId, "model", model));
	}

	@Override
	public void removeSensor(String deviceId) {
		requests.mutate("removeSensor", "removeSensor", Map.of("deviceId", deviceId));
	}

	@Override
	public List<DeadLetter> deadLetters(String lotId) {
		return requests.query("deadLetters", Map.of("lotId", lotId))
			.field("deadLetters.edges")
			.toEntityList(DeadLetterEdge.class)
			.stream()
			.map(DeadLetterEdge::node)
			.map(d -> new DeadLetter(d.id(), d.receivedAt(), d.deviceId(), d.reason(), d.detail(),
					d.payloadExcerpt()))
			.toList();
	}

	@Override
	public OccupancyKpis occupancyKpis(String lotId, Instant from, Instant to) {
		KpisDto kpis = requests
			.query("occupancyKpis", Map.of("lotId", lotId, "from", from.toString(), "to", to.toString()))
			.field("occupancyKpis")
			.toEntity(KpisDto.class);
		return new OccupancyKpis(kpis.hours()
			.stream()
			.map(h -> new OccupancyKpis.Hour(h.hour(), h.occupancyPercent(), h.arrivals(), h.departures(),
					h.averageDwellMinutes()))
			.toList(), kpis.averageOccupancyPercent(), kpis.turnover(), kpis.averageDwellMinutes());
	}

	@Override
	public AutoCloseable watchLot(String lotId, Consumer<LotEvent> onEvent, Consumer<Throwable> onError) {
		return watches.watch(requests.token(), lotId, onEvent, onError);
	}

	record LotEdge(LotDto node) {
	}

	record AlertEdge(AlertDto node) {
	}

	record BookingEdge(BookingDto node) {
	}

	record SessionEdge(SessionDto node) {
	}

	record SensorEdge(SensorDto node) {
	}

	record DeadLetterEdge(DeadLetterDto node) {
	}
}
