package org.openparking.api.holds.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl how long a hold lasts while the driver pays
 * @param maxActivePerUser live holds one user may have in one lot (see {@link ClaimKeys} for why per lot)
 * @param minLength shortest window that can be held
 * @param maxLength longest window that can be held
 * @param maxAdvance how far ahead a window may start
 * @param pastSkew how far in the past a window may start, for clocks of clients that run a little behind
 * @param sweepInterval how often expired holds are swept to publish {@code HoldExpired}
 * @param sweepBatch at most this many expired holds per lot and sweep
 */
@ConfigurationProperties("parking.holds")
record HoldsProperties(@DefaultValue("10m") Duration ttl, @DefaultValue("3") int maxActivePerUser,
		@DefaultValue("15m") Duration minLength, @DefaultValue("7d") Duration maxLength,
		@DefaultValue("90d") Duration maxAdvance, @DefaultValue("2m") Duration pastSkew,
		@DefaultValue("1s") Duration sweepInterval, @DefaultValue("500") int sweepBatch) {
}
