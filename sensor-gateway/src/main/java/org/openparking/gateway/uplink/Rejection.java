package org.openparking.gateway.uplink;

import org.jspecify.annotations.Nullable;

/**
 * Why an uplink was not accepted.
 *
 * @param deviceId the device named by the topic, when it is a valid id (registered or not)
 */
public record Rejection(RejectionReason reason, String detail, @Nullable String deviceId) implements ParsedUplink {
}
