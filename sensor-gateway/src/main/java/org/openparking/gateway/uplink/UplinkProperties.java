package org.openparking.gateway.uplink;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway accepts as an uplink.
 *
 * @param topic the native uplink topic filter; its last {@code +} is the device id
 * @param ttsTopic The Things Stack v3 uplink topic filter (its last {@code +} is the device id); blank disables it
 * @param maxPayload larger bodies are rejected unread (OVERSIZED)
 * @param maxClockAhead how far a sensor time may be ahead of the gateway clock
 * @param maxAge how far a sensor time may be behind the gateway clock; keep it below the observation retention
 * @param deadLetterExcerpt how much of a rejected body the dead letter keeps
 */
@ConfigurationProperties("parking.gateway.uplink")
public record UplinkProperties(@DefaultValue("parking/v1/sensors/+/up") String topic,
		@DefaultValue("v3/+/devices/+/up") String ttsTopic, @DefaultValue("4KB") DataSize maxPayload,
		@DefaultValue("2m") Duration maxClockAhead, @DefaultValue("7d") Duration maxAge,
		@DefaultValue("256B") DataSize deadLetterExcerpt) {
}
