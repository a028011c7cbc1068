package org.openparking.adminui.parking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The admin UI's port to the rest of the system. The production adapter speaks the api's public GraphQL contract
 * as the logged-in user; view tests use an in-memory fake. Every method throws {@link ApiException} with a message
 * for the user when the api refuses (a user error, FORBIDDEN) or cannot be reached.
 */
public interface ParkingApi {

	/** The lots the user manages (all lots for an administrator), by name. */
	List<LotSummary> lots();

	Optional<LotSummary> lotSummary(String lotId);

	/** Empty when no such lot exists. The caller checks ownership ({@code Caller.mayManage}). */
	Optional<LotBoard> lotBoard(String lotId);

	Optional<SpotDetail> spot(String lotId, String spotId);

	List<Alert> alerts(String lotId, List<AlertStatus> statuses, List<AlertKind> kinds);

	Alert acknowledgeAlert(String alertId, String note);

	Alert resolveAlert(String alertId, String note);

	List<Stay> stays(String lotId, StayQuery query);

	void cancelBooking(String bookingId, String reason);

	void refundPayment(String paymentId, Long amountMinor, String reason);

	/** @return the new lot's id */
	String createLot(NewLot lot);

	int addSpots(String lotId, String levelCode, List<NewSpot> spots);

	void setSpotState(String spotId, AdministrativeState state, String reason);

	List<Tariff> tariffs(String lotId);

	void setTariff(String lotId, Tariff tariff);

	List<SensorInfo> sensors(String lotId);

	void registerSensor(String deviceId, String spotId, String model);

	void removeSensor(String deviceId);

	List<DeadLetter> deadLetters(String lotId);

	OccupancyKpis occupancyKpis(String lotId, Instant from, Instant to);

	/**
	 * Live changes of one lot until the returned handle is closed. Events arrive on another thread; a failed
	 * connection is reported once to {@code onError} (the view then refetches or tells the user).
	 */
	AutoCloseable watchLot(String lotId, Consumer<LotEvent> onEvent, Consumer<Throwable> onError);
}
