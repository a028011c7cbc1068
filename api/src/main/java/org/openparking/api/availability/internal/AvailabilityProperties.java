package org.openparking.api.availability.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of what may be searched, counted or quoted, so one query never scans more than a lot's near future. The
 * defaults match what the holds module lets a driver hold: searching for windows nobody can book helps no one.
 *
 * @param maxWindow the longest window [from, to)
 * @param maxAdvance how far ahead of now a window may start
 * @param startTolerance how far in the past a window may start (client clocks drift; "now" arrives a bit late)
 * @param maxRadiusMeters the widest radius search
 */
@ConfigurationProperties("parking.availability")
public record AvailabilityProperties(@DefaultValue("7d") Duration maxWindow, @DefaultValue("90d") Duration maxAdvance,
		@DefaultValue("2m") Duration startTolerance, @DefaultValue("50000") int maxRadiusMeters) {
}
