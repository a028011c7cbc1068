package org.openparking.api.lots;

import java.time.ZoneId;

/** What other modules need to know of a lot. */
public record LotSummary(LotId id, String operatorId, String name, ZoneId timeZone) {
}
