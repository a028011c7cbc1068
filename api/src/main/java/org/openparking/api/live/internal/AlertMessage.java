package org.openparking.api.live.internal;

import org.openparking.api.sensing.AlertView;

/** An alert raised, acknowledged or resolved; the alert itself is the subscription's payload. */
public record AlertMessage(AlertView alert) implements LiveMessage {
}
