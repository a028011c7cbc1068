package org.openparking.api.sensing;

/** A spot's observed state changed (only changes: a repeated reading of the same state is not one). */
public record SpotObservationChanged(SpotObservationView observation) {
}
