package org.openparking.api.holds;

import java.util.UUID;

import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;

/** A booking or session claim as PostgreSQL knows it; {@code window.to} is far in the future for open sessions. */
public record LiveClaim(SpotId spotId, ClaimKind kind, UUID id, TimeWindow window) {
}
