package org.openparking.gateway.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often sensor_health is rewritten for a device that only repeats itself.
 *
 * @param writeInterval at most one routine health write per device and instance in this time; zero writes every
 * applied reading
 * @param devices devices remembered for this (beyond, the oldest are forgotten and written again sooner)
 */
@ConfigurationProperties("parking.gateway.health")
record HealthProperties(@DefaultValue("60s") Duration writeInterval, @DefaultValue("500000") long devices) {
}
