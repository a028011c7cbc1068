package org.openparking.api.sensors.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotView;
import org.openparking.api.lots.LotViews;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotView;
import org.openparking.api.security.Caller;
import org.openparking.api.sensors.SensorRegistered;
import org.openparking.api.sensors.SensorRemoved;
import org.openparking.api.sensors.SensorView;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, moves and removes devices. The gateway caches the registry (parking.gateway.devices.*): a device it has
 * not seen yet is accepted at once, an id it rejected as unknown within {@code unknown-ttl} (30 s), and a moved or
 * removed device takes effect within {@code cache-ttl} (5 min).
 */
@Service
class SensorRegistration {

	/** The check of sensor_device.device_id: what may stand in an MQTT topic segment and a TTS device id. */
	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

	static final int MAX_MODEL_LENGTH = 64;

	private final SensorRecords records;

	private final LotViews lots;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SensorRegistration(SensorRecords records, LotViews lots, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.lots = lots;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Only the operator of the spot's lot (or an administrator) may register on it; a device registered in a lot of
	 * another operator stays theirs (SENSOR_TAKEN).
	 */
	@Transactional
	SensorView register(Caller caller, RegisterSensorInput input) {
		String deviceId = requireDeviceId(input.deviceId());
		if (input.model() == null || input.model().isBlank() || input.model().length() > MAX_MODEL_LENGTH) {
			throw invalid("A model must not be blank and at most " + MAX_MODEL_LENGTH + " characters", "model");
		}
		SpotView spot = spot(input.spotId());
		LotView lot = lot(spot.lotId());
		caller.requireOperatorOf(lot.operatorId());
		Optional<SensorView> existing = records.lock(deviceId);
		if (existing.isPresent() && !existing.get().lotId().equals(lot.id())
				&& !Objects.equals(lot(existing.get().lotId()).operatorId(), lot.operatorId())) {
			throw new BusinessException(UserErrorCode.SENSOR_TAKEN,
					"Device " + deviceId + " is registered in a lot of another operator", "input", "deviceId");
		}
		records.onSpot(spot.id())
			.filter(other -> !other.deviceId().equals(deviceId))
			.ifPresent(other -> {
				throw spotHasSensor(spot, other.deviceId());
			});
		Instant now = clock.instant();
		SensorView registered;
		try {
			registered = records.upsert(deviceId, lot.id(), spot.id(), input.model().strip(), now);
		}
		catch (DuplicateKeyException raced) {
			throw spotHasSensor(spot, "another device");
		}
		SpotId previous = existing.map(SensorView::spotId)
			.filter(spotId -> !spotId.equals(spot.id()))
			.map(SpotId::new)
			.orElse(null);
		if (existing.isEmpty() || previous != null) {
			events.publishEvent(new SensorRegistered(deviceId, new LotId(lot.id()), new SpotId(spot.id()), previous, now));
		}
		return registered;
	}

	/** The operator of the device's lot (or an administrator). */
	@Transactional
	String remove(Caller caller, RemoveSensorInput input) {
		String deviceId = requireDeviceId(input.deviceId());
		SensorView sensor = records.lock(deviceId)
			.orElseThrow(() -> new BusinessException(UserErrorCode.NOT_FOUND, "No sensor " + deviceId, "input",
					"deviceId"));
		caller.requireOperatorOf(lot(sensor.lotId()).operatorId());
		records.delete(deviceId);
		events.publishEvent(new SensorRemoved(deviceId, new LotId(sensor.lotId()), new SpotId(sensor.spotId()),
				clock.instant()));
		return deviceId;
	}

	private static String requireDeviceId(String deviceId) {
		if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
			throw invalid("A device id is 1 to 64 letters, digits and . _ : -, starting with a letter or digit",
					"deviceId");
		}
		return deviceId;
	}

	private SpotView spot(String spotId) {
		UUID id;
		try {
			id = UUID.fromString(spotId);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw invalid("Not a spot id: " + spotId, "spotId");
		}
		SpotView spot = lots.spots(List.of(new SpotId(id))).get(new SpotId(id));
		if (spot == null) {
			throw new BusinessException(UserErrorCode.NOT_FOUND, "No spot " + spotId, "input", "spotId");
		}
		return spot;
	}

	private LotView lot(UUID lotId) {
		return lots.lots(List.of(new LotId(lotId))).get(new LotId(lotId));
	}

	private static BusinessException spotHasSensor(SpotView spot, String deviceId) {
		return invalid("Spot " + spot.code() + " already has a sensor (" + deviceId + "); remove it first", "spotId");
	}

	private static BusinessException invalid(String message, String field) {
		return new BusinessException(UserErrorCode.INVALID_INPUT, message, "input", field);
	}
}
