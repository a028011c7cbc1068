package org.openparking.gateway.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Keeps the append-only tables bounded: deletes old observations and dead letters in chunks (found through their
 * BRIN indexes on received_at) and the health of devices no longer registered. Every instance runs it; concurrent
 * runs delete disjoint or already-deleted rows, which is harmless.
 */
@Component
class HistoryRetention implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

	private final JdbcTemplate jdbc;

	private final RetentionProperties properties;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private ScheduledFuture<?> running;

	HistoryRetention(JdbcTemplate jdbc, RetentionProperties properties, TaskScheduler scheduler, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/** @return rows deleted */
	long run() {
		Instant now = clock.instant();
		long deleted = deleteOlderThan("sensor_observation", now.minus(properties.observations()))
				+ deleteOlderThan("sensor_dead_letter", now.minus(properties.deadLetters()));
		deleted += jdbc.update("""
				delete from sensor_health h
				where not exists (select 1 from sensor_device d where d.device_id = h.device_id)""");
		return deleted;
	}

	private long deleteOlderThan(String table, Instant cutoff) {
		String sql = "delete from " + table + " where id in (select id from " + table
				+ " where received_at < ? limit ?)";
		long total = 0;
		int deleted;
		do {
			deleted = jdbc.update(sql, Timestamp.from(cutoff), properties.chunk());
			total += deleted;
		}
		while (deleted == properties.chunk());
		return total;
	}

	private void runSafely() {
		try {
			long deleted = run();
			if (deleted > 0) {
				log.info("Retention deleted {} rows", deleted);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Retention run failed; next try in {}", properties.interval(), ex);
		}
	}

	@Override
	public synchronized void start() {
		running = scheduler.scheduleWithFixedDelay(this::runSafely, scheduler.getClock().instant().plus(Duration.ofMinutes(1)),
				properties.interval());
	}

	@Override
	public synchronized void stop() {
		if (running != null) {
			running.cancel(false);
			running = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return running != null;
	}
}
