package org.openparking.api.lots;

import java.time.Instant;

/**
 * A lot was created, or its spots or tariffs changed: caches of its metadata must be refreshed.
 *
 * @param what {@code CREATED}, {@code SPOTS_ADDED} or {@code TARIFF_SET}
 */
public record LotChanged(LotId lotId, String what, Instant occurredAt) {
}
