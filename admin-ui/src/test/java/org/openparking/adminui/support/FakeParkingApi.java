package org.openparking.adminui.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.openparking.adminui.parking.AdministrativeState;
import org.openparking.adminui.parking.Alert;
import org.openparking.adminui.parking.AlertKind;
import org.openparking.adminui.parking.AlertStatus;
import org.openparking.adminui.parking.ApiException;
import org.openparking.adminui.parking.CommercialState;
import org.openparking.adminui.parking.DeadLetter;
import org.openparking.adminui.parking.LotBoard;
import org.openparking.adminui.parking.LotEvent;
import org.openparking.adminui.parking.LotSummary;
import org.openparking.adminui.parking.NewLot;
import org.openparking.adminui.parking.NewSpot;
import org.openparking.adminui.parking.ObservedState;
import org.openparking.adminui.parking.OccupancyKpis;
import org.openparking.adminui.parking.ParkingApi;
import org.openparking.adminui.parking.SensorInfo;
import org.openparking.adminui.parking.SpotClass;
import org.openparking.adminui.parking.SpotDetail;
import org.openparking.adminui.parking.SpotTile;
import org.openparking.adminui.parking.Stay;
import org.openparking.adminui.parking.StayQuery;
import org.openparking.adminui.parking.Tariff;

/**
 * The UI's own port, in memory: lots with spots and alerts, and live events that tests emit by hand. Events are
 * delivered synchronously to every open watch of the lot, like the real adapter delivers them from its socket.
 */
public class FakeParkingApi implements ParkingApi {

	public final Map<String, LotBoard> boards = new HashMap<>();

	public final List<Alert> alerts = new ArrayList<>();

	public final List<SensorInfo> sensors = new ArrayList<>();

	public final List<NewLot> createdLots = new ArrayList<>();

	private final List<Watch> watches = new CopyOnWriteArrayList<>();

	public String refuseActionsWith;

	private record Watch(String lotId, Consumer<LotEvent> onEvent, Consumer<Throwable> onError) {
	}

	/** The api went away: every open watch fails, as a closed WebSocket does. */
	public void failWatches(Throwable error) {
		watches.forEach(w -> w.onError().accept(error));
	}

	/** A lot of {@code operator} with one level of spots A-1…A-n, all FREE, open and observed FREE. */
	public LotBoard addLot(String id, String name, String operator, int spots) {
		List<SpotTile> tiles = new ArrayList<>();
		for (int i = 1; i <= spots; i++) {
			tiles.add(new SpotTile(id + "-s" + i, "A-" + i, "L0", i % 5 == 0 ? SpotClass.EV_CHARGING : SpotClass.STANDARD,
					AdministrativeState.OPEN, null, CommercialState.FREE, ObservedState.FREE, null));
		}
		LotBoard board = new LotBoard(id, name, operator, "Europe/Berlin",
				List.of(new LotBoard.Level(id + "-l0", "L0", "Ground", 0, tiles)));
		boards.put(id, board);
		return board;
	}

	public Alert addAlert(String lotId, String spotCode, AlertKind kind, AlertStatus status, Instant raisedAt) {
		Alert alert = new Alert("al-" + (alerts.size() + 1), lotId, null, spotCode, kind, status,
				kind + " at " + spotCode, null, raisedAt, null, null);
		alerts.add(alert);
		return alert;
	}

	public void emit(LotEvent event) {
		watches.stream().filter(w -> w.lotId().equals(event.lotId())).forEach(w -> w.onEvent().accept(event));
	}

	public int openWatches() {
		return watches.size();
	}

	@Override
	public List<LotSummary> lots() {
		return boards.values().stream().map(this::summary).sorted(java.util.Comparator.comparing(LotSummary::name))
			.toList();
	}

	private LotSummary summary(LotBoard board) {
		Map<SpotClass, Integer> free = new java.util.EnumMap<>(SpotClass.class);
		int occupied = 0;
		for (SpotTile spot : board.spots()) {
			free.merge(spot.spotClass(), spot.commercialState() == CommercialState.FREE ? 1 : 0, Integer::sum);
			occupied += spot.observedState() == ObservedState.OCCUPIED ? 1 : 0;
		}
		int total = board.spots().size();
		int active = (int) alerts.stream().filter(a -> a.lotId().equals(board.id()) && a.isActive()).count();
		return new LotSummary(board.id(), board.name(), board.operatorId(), "Berlin", total, free, occupied,
				total - occupied, 0, total == 0 ? 0 : 100.0 * occupied / total, active);
	}

	@Override
	public Optional<LotSummary> lotSummary(String lotId) {
		return Optional.ofNullable(boards.get(lotId)).map(this::summary);
	}

	@Override
	public Optional<LotBoard> lotBoard(String lotId) {
		return Optional.ofNullable(boards.get(lotId));
	}

	@Override
	public Optional<SpotDetail> spot(String lotId, String spotId) {
		return lotBoard(lotId).flatMap(board -> board.spots()
			.stream()
			.filter(s -> s.id().equals(spotId))
			.findFirst()
			.map(s -> new SpotDetail(board.id(), board.name(), board.operatorId(), s, null, List.of())));
	}

	@Override
	public List<Alert> alerts(String lotId, List<AlertStatus> statuses, List<AlertKind> kinds) {
		return alerts.stream()
			.filter(a -> a.lotId().equals(lotId))
			.filter(a -> statuses.isEmpty() || statuses.contains(a.status()))
			.filter(a -> kinds.isEmpty() || kinds.contains(a.kind()))
			.sorted((a, b) -> b.raisedAt().compareTo(a.raisedAt()))
			.toList();
	}

	@Override
	public Alert acknowledgeAlert(String alertId, String note) {
		return changeAlert(alertId, AlertStatus.ACKNOWLEDGED);
	}

	@Override
	public Alert resolveAlert(String alertId, String note) {
		return changeAlert(alertId, AlertStatus.RESOLVED);
	}

	private Alert changeAlert(String alertId, AlertStatus status) {
		refuseIfAsked();
		for (int i = 0; i < alerts.size(); i++) {
			Alert a = alerts.get(i);
			if (a.id().equals(alertId)) {
				Alert changed = new Alert(a.id(), a.lotId(), a.spotId(), a.spotCode(), a.kind(), status, a.message(),
						a.deviceId(), a.raisedAt(), status == AlertStatus.ACKNOWLEDGED ? "op" : a.acknowledgedBy(),
						status == AlertStatus.RESOLVED ? "op" : null);
				alerts.set(i, changed);
				return changed;
			}
		}
		throw new ApiException("No such alert");
	}

	private void refuseIfAsked() {
		if (refuseActionsWith != null) {
			throw new ApiException(refuseActionsWith);
		}
	}

	@Override
	public List<Stay> stays(String lotId, StayQuery query) {
		return List.of();
	}

	@Override
	public void cancelBooking(String bookingId, String reason) {
		refuseIfAsked();
	}

	@Override
	public void refundPayment(String paymentId, Long amountMinor, String reason) {
		refuseIfAsked();
	}

	@Override
	public String createLot(NewLot lot) {
		refuseIfAsked();
		createdLots.add(lot);
		String id = "lot-" + (boards.size() + 1);
		addLot(id, lot.name(), lot.operatorId() == null ? "operator" : lot.operatorId(), 0);
		return id;
	}

	@Override
	public int addSpots(String lotId, String levelCode, List<NewSpot> spots) {
		refuseIfAsked();
		return spots.size();
	}

	@Override
	public void setSpotState(String spotId, AdministrativeState state, String reason) {
		refuseIfAsked();
	}

	@Override
	public List<Tariff> tariffs(String lotId) {
		return List.of();
	}

	@Override
	public void setTariff(String lotId, Tariff tariff) {
		refuseIfAsked();
	}

	@Override
	public List<SensorInfo> sensors(String lotId) {
		LotBoard board = boards.get(lotId);
		return sensors.stream()
			.filter(sensor -> board != null && board.spots().stream().anyMatch(s -> s.id().equals(sensor.spotId())))
			.toList();
	}

	@Override
	public void registerSensor(String deviceId, String spotId, String model) {
		refuseIfAsked();
		String code = boards.values()
			.stream()
			.flatMap(board -> board.spots().stream())
			.filter(spot -> spot.id().equals(spotId))
			.map(SpotTile::code)
			.findFirst()
			.orElseThrow(() -> new ApiException("No such spot"));
		sensors.removeIf(sensor -> sensor.deviceId().equals(deviceId));
		sensors.add(new SensorInfo(deviceId, model, spotId, code, Instant.now(), null, null, null, null, "OK",
				List.of()));
	}

	@Override
	public void removeSensor(String deviceId) {
		refuseIfAsked();
		if (!sensors.removeIf(sensor -> sensor.deviceId().equals(deviceId))) {
			throw new ApiException("No sensor " + deviceId);
		}
	}

	@Override
	public List<DeadLetter> deadLetters(String lotId) {
		return List.of();
	}

	@Override
	public OccupancyKpis occupancyKpis(String lotId, Instant from, Instant to) {
		return new OccupancyKpis(List.of(new OccupancyKpis.Hour(from, 50, 3, 2, 40.0)), 50, 3, 40.0);
	}

	@Override
	public AutoCloseable watchLot(String lotId, Consumer<LotEvent> onEvent, Consumer<Throwable> onError) {
		Watch watch = new Watch(lotId, onEvent, onError);
		watches.add(watch);
		return () -> watches.remove(watch);
	}
}
