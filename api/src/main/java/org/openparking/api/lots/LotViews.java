package org.openparking.api.lots;

import java.util.Collection;
import java.util.Map;

/** Batch lookups for modules that resolve {@code lot} and {@code spot} fields of their own GraphQL types. */
public interface LotViews {

	Map<LotId, LotView> lots(Collection<LotId> ids);

	Map<SpotId, SpotView> spots(Collection<SpotId> ids);
}
