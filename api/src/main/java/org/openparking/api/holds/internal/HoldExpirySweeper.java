package org.openparking.api.holds.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.holds.Hold;
import org.openparking.api.holds.HoldExpired;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link HoldExpired} for holds whose TTL ran out. The spot is free before that (scripts ignore expired
 * holds); this only tells the listeners. Every node sweeps every lot: one pipelined read of all lots' due
 * expiries per interval, then a script per lot with due holds, which hands each expiry to exactly one node.
 */
@Component
class HoldExpirySweeper implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(HoldExpirySweeper.class);

	private final LotClaimStore store;

	private final LotCatalog catalog;

	private final HoldsProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HoldExpirySweeper(LotClaimStore store, LotCatalog catalog, HoldsProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.catalog = catalog;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::sweepSafely, properties.sweepInterval());
	}

	private void sweepSafely() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			// A Redis outage must not stop the schedule; the next run catches up.
			log.warn("Sweeping expired holds failed: {}", ex.toString());
		}
	}

	/** @return the number of expiries this node published */
	int sweep() {
		Instant now = clock.instant();
		List<LotId> lots = catalog.allLotIds();
		if (lots.isEmpty()) {
			return 0;
		}
		int published = 0;
		for (Map.Entry<LotId, List<String>> due : store.dueHoldExpiries(lots, now, properties.sweepBatch())
			.entrySet()) {
			for (Hold hold : store.sweepExpired(due.getKey(), due.getValue(), now)) {
				events.publishEvent(new HoldExpired(hold, hold.expiresAt()));
				published++;
			}
		}
		return published;
	}
}
