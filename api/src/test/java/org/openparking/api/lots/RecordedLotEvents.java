package org.openparking.api.lots;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.transaction.event.TransactionalEventListener;

/** The lot events that were committed, whichever thread published them (requests run on server threads). */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedLotEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(LotChanged event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(SpotStateChanged event) {
		events.add(event);
	}

	public List<LotChanged> lotChanges(LotId lot) {
		return events.stream()
			.filter(LotChanged.class::isInstance)
			.map(LotChanged.class::cast)
			.filter(event -> event.lotId().equals(lot))
			.toList();
	}

	public List<SpotStateChanged> spotStateChanges(SpotId spot) {
		return events.stream()
			.filter(SpotStateChanged.class::isInstance)
			.map(SpotStateChanged.class::cast)
			.filter(event -> event.spotId().equals(spot))
			.toList();
	}
}
