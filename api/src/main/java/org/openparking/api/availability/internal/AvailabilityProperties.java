package org.openparking.api.availability.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of what may be searched, so one query never scans more than a lot's near future.
 *
 * @param maxWindow the longest window [from, to) that may be searched, counted or quoted
 * @param maxAdvance how far ahead of now a window may end
 * @param startTolerance how far in the past a window may start (client clocks drift; "now" arrives a bit late)
 * @param maxRadiusMeters the widest radius search
 */
@ConfigurationProperties("parking.availability")
public record AvailabilityProperties(@DefaultValue("30d") Duration maxWindow, @DefaultValue("400d") Duration maxAdvance,
		@DefaultValue("5m") Duration startTolerance, @DefaultValue("50000") int maxRadiusMeters) {
}
