package org.openparking.api.sensing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plays the sensor gateway: registers devices and hands observations to {@code sensor_observation} the way the
 * gateway does (one row per observation, then {@code pg_notify('sensor_observation', ...)} after the commit).
 */
public final class SensorFeed {

	public static final Duration WAIT = Duration.ofSeconds(15);

	private static final AtomicLong SEQ = new AtomicLong();

	private final JdbcClient jdbc;

	public SensorFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Registers a new device on the spot; returns its id. */
	public String register(UUID lotId, UUID spotId) {
		String device = "dev-" + UUID.randomUUID();
		jdbc.sql("insert into sensor_device (device_id, lot_id, spot_id, model, registered_at) values (?, ?, ?, 'test', ?)")
			.params(device, lotId, spotId, Timestamp.from(Instant.now().minus(Duration.ofDays(40))))
			.update();
		return device;
	}

	public long occupancy(String device, UUID lotId, UUID spotId, boolean occupied, Instant observedAt) {
		return hand(device, lotId, spotId, "OCCUPANCY", occupied, observedAt);
	}

	/** COMMS_LOST, COMMS_RESTORED, LOW_BATTERY or STARTUP. */
	public long event(String device, UUID lotId, UUID spotId, String kind, Instant observedAt) {
		return hand(device, lotId, spotId, kind, null, observedAt);
	}

	/** Inserts and notifies; returns the row's id. */
	public long hand(String device, UUID lotId, UUID spotId, String kind, Boolean occupied, Instant observedAt) {
		long id = jdbc.sql("""
				insert into sensor_observation (device_id, lot_id, spot_id, kind, occupied, observed_at, received_at,
				  handed_off_at, seq) values (?, ?, ?, ?, ?, ?, now(), now(), ?) returning id""")
			.params(device, lotId, spotId, kind, occupied, Timestamp.from(observedAt), SEQ.incrementAndGet())
			.query(Long.class)
			.single();
		jdbc.sql("select pg_notify('sensor_observation', ?)")
			.param("{\"count\":1,\"lots\":[\"" + lotId + "\"]}")
			.query((rs, n) -> 1)
			.list();
		return id;
	}

	public boolean applied(long observationId) {
		return applied(List.of(observationId)) == 1;
	}

	/** How many of the observations the consumer is done with (V170's {@code sensing_consumed}). */
	public long applied(List<Long> observationIds) {
		return jdbc.sql("select count(*) from sensing_consumed where id = any(?::bigint[])")
			.param(observationIds.toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	/** Waits until the consumer applied the observation. */
	public void awaitApplied(long observationId) {
		await(() -> applied(observationId), "observation " + observationId + " applied");
	}

	public static void await(Supplier<Boolean> condition, String what) {
		Instant deadline = Instant.now().plus(WAIT);
		while (!condition.get()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Timed out waiting for " + what);
			}
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}
}
