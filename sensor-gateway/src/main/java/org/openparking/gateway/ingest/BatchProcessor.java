package org.openparking.gateway.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openparking.gateway.devices.DeviceRegistry;
import org.openparking.gateway.devices.SensorDevice;
import org.openparking.gateway.devices.SensorModels;
import org.openparking.gateway.handoff.DurableHandoff;
import org.openparking.gateway.handoff.HandedOff;
import org.openparking.gateway.handoff.HandoffUnit;
import org.openparking.gateway.handoff.HealthUpdate;
import org.openparking.gateway.handoff.UplinkOrigin;
import org.openparking.gateway.metrics.GatewayMetrics;
import org.openparking.gateway.state.DeviceStates;
import org.openparking.gateway.state.KnownReading;
import org.openparking.gateway.state.ReadingOutcome;
import org.openparking.gateway.uplink.Battery;
import org.openparking.gateway.uplink.ParsedUplink;
import org.openparking.gateway.uplink.Reading;
import org.openparking.gateway.uplink.ReadingType;
import org.openparking.gateway.uplink.Rejection;
import org.openparking.gateway.uplink.RejectionReason;
import org.openparking.gateway.uplink.UplinkParser;

import org.springframework.stereotype.Component;

/**
 * One batch, start to end: parse, look the devices up (one query), apply to Redis (one round trip, roughly), hand
 * everything off in one transaction, then acknowledge every uplink of the batch - rejected ones included, since
 * their dead letters are durable too. Nothing is acknowledged before its outcome is in PostgreSQL.
 */
@Component
class BatchProcessor implements IngestLane.Processor {

	private final UplinkParser parser;

	private final DeviceRegistry registry;

	private final DeviceStates states;

	private final DurableHandoff handoff;

	private final SensorModels models;

	private final GatewayMetrics metrics;

	private final HealthThrottle throttle;

	BatchProcessor(UplinkParser parser, DeviceRegistry registry, DeviceStates states, DurableHandoff handoff,
			SensorModels models, GatewayMetrics metrics, HealthThrottle throttle) {
		this.parser = parser;
		this.registry = registry;
		this.states = states;
		this.handoff = handoff;
		this.models = models;
		this.metrics = metrics;
		this.throttle = throttle;
	}

	@Override
	public void process(List<InboundUplink> batch, UntilDone untilDone) {
		List<ParsedUplink> parsed = batch.stream()
			.map(uplink -> parser.parse(uplink.topic(), uplink.payload(), uplink.size(), uplink.receivedAt()))
			.toList();
		Set<String> deviceIds = new HashSet<>();
		parsed.forEach(uplink -> {
			if (uplink instanceof Reading reading) {
				deviceIds.add(reading.deviceId());
			}
		});
		Map<String, SensorDevice> devices = deviceIds.isEmpty() ? Map.of()
				: untilDone.run("Looking devices up", () -> registry.findAll(deviceIds));

		List<HandoffUnit> units = new ArrayList<>();
		List<KnownReading> known = new ArrayList<>();
		List<UplinkOrigin> knownOrigins = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			UplinkOrigin origin = origin(batch.get(i), parsed.get(i));
			switch (parsed.get(i)) {
				case Rejection rejection -> units.add(reject(origin, rejection.reason(), rejection.detail()));
				case Reading reading -> {
					SensorDevice device = devices.get(reading.deviceId());
					if (device == null) {
						units.add(reject(origin, RejectionReason.UNKNOWN_DEVICE, "the device is not registered"));
					}
					else {
						known.add(new KnownReading(reading, device));
						knownOrigins.add(origin);
					}
				}
			}
		}

		List<ReadingOutcome> outcomes = known.isEmpty() ? List.of()
				: untilDone.run("Applying readings to Redis", () -> states.apply(known));
		List<Reading> applied = new ArrayList<>();
		for (int i = 0; i < outcomes.size(); i++) {
			ReadingOutcome outcome = outcomes.get(i);
			UplinkOrigin origin = knownOrigins.get(i);
			if (outcome.debounced()) {
				metrics.debounced();
			}
			switch (outcome.verdict()) {
				case APPLIED -> {
					metrics.applied();
					applied.add(outcome.reading().reading());
					HealthUpdate health = throttle.shouldWrite(outcome) ? health(outcome.reading()) : null;
					units.add(new HandoffUnit(outcome.observations(), health, null, null, origin));
				}
				case DUPLICATE -> {
					metrics.duplicate();
					if (!outcome.observations().isEmpty()) {
						units.add(new HandoffUnit(outcome.observations(), null, null, null, origin));
					}
				}
				case OUT_OF_ORDER -> metrics.outOfOrder();
				case FAILED -> units.add(reject(origin, RejectionReason.PROCESSING_FAILED, outcome.failure()));
			}
		}

		if (!units.isEmpty()) {
			HandedOff handedOff = untilDone.run("Handing off to PostgreSQL", () -> handoff.write(units));
			metrics.handedOff(handedOff.inserted());
			applied.forEach(reading -> metrics.lag(Duration.between(reading.sensorTime(), handedOff.at())));
		}
		batch.forEach(uplink -> uplink.acknowledge().run());
	}

	private HandoffUnit reject(UplinkOrigin origin, RejectionReason reason, String detail) {
		metrics.rejected(reason);
		return HandoffUnit.rejected(origin, reason, detail);
	}

	private UplinkOrigin origin(InboundUplink uplink, ParsedUplink parsed) {
		String deviceId = switch (parsed) {
			case Reading reading -> reading.deviceId();
			case Rejection rejection -> rejection.deviceId();
		};
		return new UplinkOrigin(uplink.receivedAt(), uplink.topic(), deviceId, uplink.size(), uplink.payload(),
				parser.excerpt());
	}

	private HealthUpdate health(KnownReading known) {
		Reading reading = known.reading();
		Battery battery = reading.battery();
		return new HealthUpdate(reading.deviceId(), reading.receivedAt(), reading.sensorTime(), reading.seq(),
				battery != null && battery.unit() == Battery.Unit.VOLTS ? battery.value() : null,
				battery != null && battery.unit() == Battery.Unit.PERCENT ? battery.value() : null,
				models.of(known.device().model()).isLow(battery), reading.rssi(), reading.snr(), reading.firmware(),
				reading.type() == ReadingType.STARTUP ? reading.sensorTime() : null);
	}
}
