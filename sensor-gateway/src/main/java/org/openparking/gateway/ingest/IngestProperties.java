package org.openparking.gateway.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The processing lanes between the broker and PostgreSQL.
 *
 * @param lanes parallel lanes; a device always uses the same lane, so its readings stay in order on this instance.
 * Lanes overlap their waits on Redis and PostgreSQL, so there are more of them than cores; each needs a database
 * connection while it hands off
 * @param batchSize most uplinks a lane processes (and commits) at once; a lane takes whatever has queued up
 * @param queueCapacity per lane; when full the MQTT client stops reading and the broker holds further messages
 * @param retryBackoff first pause when Redis or PostgreSQL is unreachable (doubling up to {@code maxRetryBackoff})
 */
@ConfigurationProperties("parking.gateway.ingest")
record IngestProperties(@DefaultValue("8") int lanes, @DefaultValue("500") int batchSize,
		@DefaultValue("5000") int queueCapacity, @DefaultValue("100ms") Duration retryBackoff,
		@DefaultValue("5s") Duration maxRetryBackoff) {
}
