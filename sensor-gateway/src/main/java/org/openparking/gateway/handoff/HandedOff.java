package org.openparking.gateway.handoff;

import java.time.Instant;
import java.util.Map;

/**
 * What a hand-off committed.
 *
 * @param at when it was handed off (gateway clock, taken just before the commit)
 * @param inserted new observation rows by kind; rows that already existed (re-deliveries) are not counted
 */
public record HandedOff(Instant at, Map<ObservationKind, Integer> inserted) {
}
