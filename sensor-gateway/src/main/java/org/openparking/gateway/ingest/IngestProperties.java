package org.openparking.gateway.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The processing lanes between the broker and PostgreSQL.
 *
 * @param lanes parallel lanes; a device always uses the same lane, so its readings stay in order on this instance.
 * Lanes overlap their waits on Redis and PostgreSQL; fewer, fuller batches cost less per reading (each commit is a
 * transaction): on 2 cores at 10,000 readings/s offered, 16 lanes handed off 5,912/s, 8 kept pace with p99 2.5 s, 4
 * and 2 kept pace with p99 0.5-0.7 s (bin/bench-gateway, each commit then also a NOTIFY). With the NOTIFY out of the
 * commits, 8 lanes did not beat 4 at 12,000/s offered (8,935/s against 9,237/s). Each needs a database connection
 * while it hands off
 * @param batchSize most uplinks a lane processes (and commits) at once; a lane takes whatever has queued up
 * @param linger how long a lane that found less than a batch waits for more before it processes what it has: the
 * most it adds to a reading's latency, for fewer and fuller transactions under moderate load; 0 processes at once
 * @param queueCapacity per lane; when full the MQTT client stops reading and the broker holds further messages
 * @param retryBackoff first pause when Redis or PostgreSQL is unreachable (doubling up to {@code maxRetryBackoff})
 */
@ConfigurationProperties("parking.gateway.ingest")
record IngestProperties(@DefaultValue("4") int lanes, @DefaultValue("500") int batchSize,
		@DefaultValue("20ms") Duration linger, @DefaultValue("5000") int queueCapacity, @DefaultValue("100ms") Duration retryBackoff,
		@DefaultValue("5s") Duration maxRetryBackoff) {
}
