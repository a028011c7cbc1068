package org.openparking.api.sensing.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciliation of sensor observations with bookings and sessions.
 *
 * @param arrivalGrace how long after a booking's start its spot may stay free before the booking is a NO_SHOW
 * @param noShow what happens to a no-show's spot for the rest of its window: RELEASE (bookable again) or KEEP
 * @param departureGrace how long the spot of an active session may be seen free before SESSION_LEFT_OPEN
 * @param autoEndSessions end a session left open at the time its car left (charged by tariff, owed)
 * @param consumerEnabled consume {@code sensor_observation} on this node (every node may; each row applies once)
 * @param pollInterval how long the consumer waits for a NOTIFY before it looks anyway
 * @param batchSize observations applied per transaction
 * @param rereadWindow how long the consumer keeps looking for the row of an id its watermark passed over (a gateway
 * transaction that committed out of id order); keep it above the longest gateway transaction
 * @param maxGaps the most ids one pass records as passed over, the newest; above the rows all gateway instances may
 * have in flight at once (their ingest lanes times batch size). More missing ids than that at once are rows deleted
 * or rolled back (a lot's readings deleted while no api ran), and recording and looking them all up stalled the
 * consumer
 * @param passesWaitForDisk whether a pass's commit waits for PostgreSQL to flush it (off: a crash of PostgreSQL may
 * lose the passes of its last moments, which the consumer then applies again from the stream, which the gateway commits
 * durably)
 * @param evaluationInterval how often the time-based rules run (no-show, overstay, sessions left open, blocks)
 * @param blockFor how long an unexpectedly occupied spot is kept from holds and sessions per renewal; renewed every
 * evaluation while the car stays, so keep it a few times the evaluation interval
 * @param overstayLookback how long after a booking's end a car still standing there counts as its overstay, and how
 * long after its end a booking nobody arrived for is still marked a no-show
 * @param stayRetention how long the stays behind the occupancy KPIs are kept
 */
@ConfigurationProperties("parking.sensing")
public record SensingProperties(@DefaultValue("15m") Duration arrivalGrace,
		@DefaultValue("RELEASE") NoShowPolicy noShow, @DefaultValue("10m") Duration departureGrace,
		@DefaultValue("false") boolean autoEndSessions, @DefaultValue("true") boolean consumerEnabled,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("500") int batchSize,
		@DefaultValue("2m") Duration rereadWindow, @DefaultValue("20000") int maxGaps,
		@DefaultValue("false") boolean passesWaitForDisk, @DefaultValue("15s") Duration evaluationInterval,
		@DefaultValue("2m") Duration blockFor, @DefaultValue("24h") Duration overstayLookback,
		@DefaultValue("400d") Duration stayRetention) {

	public enum NoShowPolicy {
		RELEASE, KEEP
	}
}
