package org.openparking.gateway.state;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisCommandExecutionException;
import org.openparking.gateway.devices.SensorModel;
import org.openparking.gateway.devices.SensorModels;
import org.openparking.gateway.uplink.Reading;

import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Applies readings to the per-device state in Redis. Every instance of the gateway shares that state, because a
 * shared subscription spreads one device's readings over all of them; each reading is one atomic script run.
 */
@Component
public class DeviceStates {

	private final StringRedisTemplate redis;

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> readingScript;

	private final Schedules schedules;

	private final SensorModels models;

	private final ReconciliationProperties properties;

	private final Clock clock;

	@SuppressWarnings("rawtypes")
	DeviceStates(StringRedisTemplate redis, RedisScript<List> readingScript, Schedules schedules, SensorModels models,
			ReconciliationProperties properties, Clock clock) {
		this.redis = redis;
		this.readingScript = readingScript;
		this.schedules = schedules;
		this.models = models;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Applies a batch; the outcomes are in the order of the readings. One device's readings run in their order,
	 * different devices concurrently. Safe to repeat after a failure: applied readings then come back as duplicates
	 * with their original observations.
	 *
	 * @throws org.springframework.dao.DataAccessException when Redis is unreachable
	 */
	public List<ReadingOutcome> apply(List<KnownReading> readings) {
		Instant now = clock.instant();
		Map<String, List<Integer>> byDevice = new LinkedHashMap<>();
		for (int i = 0; i < readings.size(); i++) {
			byDevice.computeIfAbsent(readings.get(i).device().deviceId(), id -> new ArrayList<>()).add(i);
		}
		ReadingOutcome[] outcomes = new ReadingOutcome[readings.size()];
		Map<String, List<?>> lastReplies = new HashMap<>();
		Concurrently.forEach(byDevice.values(), indices -> {
			List<?> reply = null;
			for (int i : indices) {
				reply = applyOne(readings.get(i), now, outcomes, i);
			}
			if (reply != null) {
				synchronized (lastReplies) {
					lastReplies.put(readings.get(indices.getFirst()).device().deviceId(), reply);
				}
			}
		});
		schedule(lastReplies);
		return Arrays.asList(outcomes);
	}

	private List<?> applyOne(KnownReading known, Instant now, ReadingOutcome[] outcomes, int index) {
		Reading reading = known.reading();
		String deviceId = known.device().deviceId();
		SensorModel model = models.of(known.device().model());
		long nowMillis = now.toEpochMilli();
		List<?> reply;
		try {
			reply = redis.execute(readingScript, List.of(GatewayKeys.state(deviceId), GatewayKeys.recent(deviceId)),
					String.valueOf(nowMillis), String.valueOf(reading.seq()),
					String.valueOf(reading.sensorTime().toEpochMilli()), reading.type().wireName(),
					flag(reading.occupied()), flag(model.isLow(reading.battery())),
					String.valueOf(nowMillis + properties.debounce().toMillis()),
					String.valueOf(nowMillis + model.heartbeatTimeout().toMillis()),
					String.valueOf(properties.recentReadings()), String.valueOf(properties.stateTtl().toMillis()));
		}
		catch (RedisSystemException ex) {
			if (!isDataError(ex)) {
				throw ex;
			}
			outcomes[index] = new ReadingOutcome(known, Verdict.FAILED, List.of(), false, ex.getCause().getMessage());
			return null;
		}
		Verdict verdict = switch ((String) reply.get(0)) {
			case "applied" -> Verdict.APPLIED;
			case "duplicate" -> Verdict.DUPLICATE;
			default -> Verdict.OUT_OF_ORDER;
		};
		outcomes[index] = new ReadingOutcome(known, verdict, ObservationCodes.ofReading((String) reply.get(1), known),
				"1".equals(reply.get(4)), "");
		return reply;
	}

	/** Queues the devices' pending changes and heartbeat deadlines for the sweepers. */
	private void schedule(Map<String, List<?>> lastReplies) {
		Map<String, String> due = new HashMap<>();
		Map<String, String> deadlines = new HashMap<>();
		lastReplies.forEach((deviceId, reply) -> {
			putIfSet(due, deviceId, (String) reply.get(2));
			putIfSet(deadlines, deviceId, (String) reply.get(3));
		});
		schedules.add(GatewayKeys.DEBOUNCE_SCHEDULE, due, false);
		// A deadline only moves forward: an older reading's deadline arriving late must not shorten it.
		schedules.add(GatewayKeys.COMMS_SCHEDULE, deadlines, true);
	}

	/** Only a key of the wrong type (someone wrote to the gateway's keys) is the reading's own problem. */
	private static boolean isDataError(RedisSystemException ex) {
		return ex.getCause() instanceof RedisCommandExecutionException command && command.getMessage() != null
				&& command.getMessage().startsWith("WRONGTYPE");
	}

	private static String flag(Boolean value) {
		return value == null ? "" : value ? "1" : "0";
	}

	private static void putIfSet(Map<String, String> map, String key, String value) {
		if (!value.isEmpty()) {
			map.put(key, value);
		}
	}
}
