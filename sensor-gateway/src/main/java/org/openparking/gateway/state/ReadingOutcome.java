package org.openparking.gateway.state;

import java.util.List;

import org.openparking.gateway.handoff.Observation;

/**
 * @param observations what the reading raised at once (occupancy waits for the debounce sweeper unless the debounce
 * is zero)
 * @param debounced the reading cancelled or replaced a pending occupancy change
 * @param failure why the state could not take the reading (FAILED only)
 */
public record ReadingOutcome(KnownReading reading, Verdict verdict, List<Observation> observations,
		boolean debounced, String failure) {
}
