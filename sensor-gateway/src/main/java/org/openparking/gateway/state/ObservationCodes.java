package org.openparking.gateway.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.openparking.gateway.devices.SensorDevice;
import org.openparking.gateway.handoff.Observation;
import org.openparking.gateway.handoff.ObservationKind;
import org.openparking.gateway.uplink.Reading;

/** Turns what the Lua scripts record (see their headers) back into observations. */
final class ObservationCodes {

	private ObservationCodes() {
	}

	/** The codes a reading emitted, e.g. "S,R,O1". */
	static List<Observation> ofReading(String codes, KnownReading known) {
		List<Observation> observations = new ArrayList<>();
		if (codes.isEmpty()) {
			return observations;
		}
		Reading reading = known.reading();
		for (String code : codes.split(",")) {
			ObservationKind kind = switch (code.charAt(0)) {
				case 'S' -> ObservationKind.STARTUP;
				case 'R' -> ObservationKind.COMMS_RESTORED;
				case 'B' -> ObservationKind.LOW_BATTERY;
				case 'O' -> ObservationKind.OCCUPANCY;
				default -> throw new IllegalStateException("unknown observation code " + code);
			};
			Boolean occupied = kind == ObservationKind.OCCUPANCY ? code.equals("O1") : null;
			observations.add(new Observation(known.device().deviceId(), known.device().lotId(),
					known.device().spotId(), kind, occupied, reading.sensorTime(), reading.receivedAt(), reading.seq()));
		}
		return observations;
	}

	/** A promotion, "occupied:seq:sensor time:received time". */
	static Observation ofPromotion(String out, SensorDevice device) {
		String[] parts = out.split(":");
		return new Observation(device.deviceId(), device.lotId(), device.spotId(), ObservationKind.OCCUPANCY,
				parts[0].equals("1"), millis(parts[2]), millis(parts[3]), Long.parseLong(parts[1]));
	}

	/** A loss, "seq:deadline". */
	static Observation ofLoss(String out, SensorDevice device, Instant detectedAt) {
		String[] parts = out.split(":");
		return new Observation(device.deviceId(), device.lotId(), device.spotId(), ObservationKind.COMMS_LOST, null,
				millis(parts[1]), detectedAt, Long.parseLong(parts[0]));
	}

	static Instant lossDeadline(String out) {
		return millis(out.split(":")[1]);
	}

	private static Instant millis(String value) {
		return Instant.ofEpochMilli(Long.parseLong(value));
	}
}
