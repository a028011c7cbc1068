package org.openparking.api.live.internal;

import org.openparking.api.sensing.SpotObservationView;

/** A spot's observed state changed; the observation itself is the subscription's payload. */
public record ObservationMessage(SpotObservationView observation) implements LiveMessage {
}
