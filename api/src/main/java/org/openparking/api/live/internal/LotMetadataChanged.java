package org.openparking.api.live.internal;

import java.time.Instant;
import java.util.UUID;

/** Spots were added or the lot changed: only a hint to recount availability; no subscriber sees it as such. */
public record LotMetadataChanged(UUID lotId, Instant occurredAt) implements LiveMessage {
}
