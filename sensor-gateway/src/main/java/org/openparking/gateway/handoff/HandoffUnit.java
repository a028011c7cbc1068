package org.openparking.gateway.handoff;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.openparking.gateway.uplink.RejectionReason;

/**
 * Everything one uplink (or one sweeper transition) hands off. Units are written together in one transaction.
 *
 * @param origin the uplink behind the unit: if the unit alone cannot be written (a data error) a PROCESSING_FAILED
 * dead letter is recorded for it instead; null for sweeper transitions, which are retried
 */
public record HandoffUnit(List<Observation> observations, @Nullable HealthUpdate health,
		@Nullable CommsLoss commsLoss, @Nullable DeadLetter deadLetter, @Nullable UplinkOrigin origin) {

	public static HandoffUnit rejected(UplinkOrigin origin, RejectionReason reason, String detail) {
		return new HandoffUnit(List.of(), null, null, new DeadLetter(origin, reason, detail), origin);
	}

	public static HandoffUnit transition(Observation observation, @Nullable CommsLoss commsLoss) {
		return new HandoffUnit(List.of(observation), null, commsLoss, null, null);
	}

	HandoffUnit unwritable(String why) {
		return rejected(origin, RejectionReason.PROCESSING_FAILED, why);
	}
}
