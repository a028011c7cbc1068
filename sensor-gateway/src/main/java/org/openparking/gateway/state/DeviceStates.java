package org.openparking.gateway.state;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openparking.gateway.devices.SensorModel;
import org.openparking.gateway.devices.SensorModels;
import org.openparking.gateway.uplink.Reading;

import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Applies readings to the per-device state in Redis. Every instance of the gateway shares that state, because a
 * shared subscription spreads one device's readings over all of them; each reading is one atomic script run.
 */
@Component
public class DeviceStates {

	private final ScriptRunner scripts;

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> readingScript;

	private final Schedules schedules;

	private final SensorModels models;

	private final ReconciliationProperties properties;

	private final Clock clock;

	@SuppressWarnings("rawtypes")
	DeviceStates(ScriptRunner scripts, RedisScript<List> readingScript, Schedules schedules, SensorModels models,
			ReconciliationProperties properties, Clock clock) {
		this.scripts = scripts;
		this.readingScript = readingScript;
		this.schedules = schedules;
		this.models = models;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Applies a batch, in order; the outcomes are in the order of the readings. Safe to repeat after a failure:
	 * readings applied the first time then come back as duplicates, with their original observations.
	 *
	 * @throws org.springframework.dao.DataAccessException when Redis is unreachable
	 */
	public List<ReadingOutcome> apply(List<KnownReading> readings) {
		Instant now = clock.instant();
		List<ScriptRunner.Call> calls = readings.stream().map(known -> call(known, now)).toList();
		List<Object> replies = scripts.run(readingScript, calls);
		List<ReadingOutcome> outcomes = new ArrayList<>(readings.size());
		Map<String, String> due = new HashMap<>();
		Map<String, String> deadlines = new HashMap<>();
		for (int i = 0; i < readings.size(); i++) {
			KnownReading known = readings.get(i);
			if (replies.get(i) instanceof ScriptRunner.Failure failure) {
				outcomes.add(new ReadingOutcome(known, Verdict.FAILED, List.of(), false, failure.message()));
				continue;
			}
			List<?> reply = (List<?>) replies.get(i);
			Verdict verdict = switch ((String) reply.get(0)) {
				case "applied" -> Verdict.APPLIED;
				case "duplicate" -> Verdict.DUPLICATE;
				default -> Verdict.OUT_OF_ORDER;
			};
			outcomes.add(new ReadingOutcome(known, verdict, ObservationCodes.ofReading((String) reply.get(1), known),
					"1".equals(reply.get(4)), ""));
			// Later readings of a device overwrite earlier ones: its latest state is what gets scheduled.
			putOrRemove(due, known.device().deviceId(), (String) reply.get(2));
			putOrRemove(deadlines, known.device().deviceId(), (String) reply.get(3));
		}
		schedules.add(GatewayKeys.DEBOUNCE_SCHEDULE, due, false);
		// A deadline only moves forward: an older reading's deadline arriving late must not shorten it.
		schedules.add(GatewayKeys.COMMS_SCHEDULE, deadlines, true);
		return outcomes;
	}

	private ScriptRunner.Call call(KnownReading known, Instant now) {
		Reading reading = known.reading();
		String deviceId = known.device().deviceId();
		SensorModel model = models.of(known.device().model());
		long nowMillis = now.toEpochMilli();
		return new ScriptRunner.Call(List.of(GatewayKeys.state(deviceId)),
				List.of(String.valueOf(nowMillis), String.valueOf(reading.seq()),
						String.valueOf(reading.sensorTime().toEpochMilli()), reading.type().wireName(),
						flag(reading.occupied()), flag(model.isLow(reading.battery())),
						String.valueOf(nowMillis + properties.debounce().toMillis()),
						String.valueOf(nowMillis + model.heartbeatTimeout().toMillis()),
						String.valueOf(properties.recentReadings()), String.valueOf(properties.stateTtl().toMillis())));
	}

	private static String flag(Boolean value) {
		return value == null ? "" : value ? "1" : "0";
	}

	private static void putOrRemove(Map<String, String> map, String key, String value) {
		if (value.isEmpty()) {
			map.remove(key);
		}
		else {
			map.put(key, value);
		}
	}
}
