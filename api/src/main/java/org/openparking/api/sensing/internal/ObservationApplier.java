package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.openparking.api.sensing.AlertKind;
import org.openparking.api.sensing.ObservationSource;
import org.openparking.api.sensing.ObservedState;
import org.openparking.api.sensing.SpotObservationChanged;
import org.openparking.api.sensing.SpotObservationView;
import org.openparking.api.sensing.internal.AlertRecorder.NewAlert;
import org.openparking.api.sensing.internal.SpotObservations.Stored;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of observations inside the consumer's transaction, in id order per spot. A reading older than the
 * spot's state (by the sensor's time, same device) or repeating it changes nothing; COMMS_LOST makes the spot UNKNOWN
 * (never FREE) and raises SENSOR_OFFLINE, COMMS_RESTORED resolves it (the state stays UNKNOWN until the sensor's next
 * stable reading).
 * <p>
 * Occupancy readings dominate the stream and are applied together: the statements per batch do not grow with its
 * size (a statement per reading capped the consumer at a few hundred readings/s). A spot that changes more than once
 * in a batch takes its changes in rounds, its first in the first round and so on, so each spot's stays and rules see
 * its changes in order; what the rules read about the spots (bookings, sessions, active alerts) is read once for all
 * rounds. The rarer kinds are applied alone, between the readings before and after them. Redis lifts the blocks of
 * the spots a batch leaves FREE while PostgreSQL takes the batch's statements; the pass waits for both.
 */
@Component
class ObservationApplier {

	private final SpotObservations observations;

	private final Stays stays;

	private final SpotRules rules;

	private final AlertRecorder recorder;

	private final ApplicationEventPublisher events;

	ObservationApplier(SpotObservations observations, Stays stays, SpotRules rules, AlertRecorder recorder,
			ApplicationEventPublisher events) {
		this.observations = observations;
		this.stays = stays;
		this.rules = rules;
		this.recorder = recorder;
		this.events = events;
	}

	void apply(List<ObservationRow> rows, Instant now) {
		List<ObservationRow> readings = new ArrayList<>();
		for (ObservationRow row : rows) {
			if (row.kind() == ObservationRow.Kind.OCCUPANCY) {
				readings.add(row);
				continue;
			}
			change(readings, now);
			readings.clear();
			applyAlone(row, now);
		}
		change(readings, now);
	}

	private void applyAlone(ObservationRow row, Instant now) {
		switch (row.kind()) {
			case OCCUPANCY -> change(List.of(row), now);
			case COMMS_LOST -> {
				change(List.of(row), now);
				recorder.raise(NewAlert.onSpot(AlertKind.SENSOR_OFFLINE, row.lotId(), row.spotId(),
						"Sensor " + row.deviceId() + " went silent").device(row.deviceId()), now);
			}
			case COMMS_RESTORED -> recorder.resolveOnSpots(AlertKind.SENSOR_OFFLINE, List.of(row.spotId()), now);
			case LOW_BATTERY -> recorder.raise(NewAlert.onSpot(AlertKind.LOW_BATTERY, row.lotId(), row.spotId(),
					"The battery of sensor " + row.deviceId() + " is low").device(row.deviceId()), now);
			case STARTUP -> {
				// Health only (the gateway keeps it); nothing changes on the spot.
			}
		}
	}

	/** Rows that set a spot's state (OCCUPANCY, COMMS_LOST), in id order. */
	private void change(List<ObservationRow> rows, Instant now) {
		if (rows.isEmpty()) {
			return;
		}
		Map<UUID, Stored> stored = new HashMap<>(
				observations.stored(rows.stream().map(ObservationRow::spotId).distinct().toList()));
		Map<UUID, SpotObservationView> latest = new LinkedHashMap<>();
		List<List<Change>> rounds = new ArrayList<>();
		Map<UUID, Integer> changesPerSpot = new HashMap<>();
		for (ObservationRow row : rows) {
			ObservedState state = row.kind() == ObservationRow.Kind.COMMS_LOST ? ObservedState.UNKNOWN
					: Boolean.TRUE.equals(row.occupied()) ? ObservedState.OCCUPIED : ObservedState.FREE;
			ObservationSource source = row.kind() == ObservationRow.Kind.COMMS_LOST ? ObservationSource.COMMS_LOST
					: ObservationSource.SENSOR;
			Stored before = stored.get(row.spotId());
			boolean sameDevice = before != null && before.deviceId().equals(row.deviceId());
			if (sameDevice && (row.observedAt().isBefore(before.observedAt())
					|| (before.state() == state && before.source() == source))) {
				continue;
			}
			SpotObservationView view = new SpotObservationView(row.spotId(), row.lotId(), state, row.observedAt(),
					source, row.deviceId());
			stored.put(row.spotId(), new Stored(state, source, row.deviceId(), row.observedAt()));
			latest.put(row.spotId(), view);
			events.publishEvent(new SpotObservationChanged(view));
			int round = changesPerSpot.merge(row.spotId(), 1, Integer::sum) - 1;
			if (round == rounds.size()) {
				rounds.add(new ArrayList<>());
			}
			rounds.get(round).add(new Change(view, before != null && before.state() == ObservedState.OCCUPIED));
		}
		observations.store(latest.values(), now);
		if (!rounds.isEmpty()) {
			Map<UUID, SpotObservationView> everOccupied = new LinkedHashMap<>();
			rounds.forEach(round -> inState(round, ObservedState.OCCUPIED)
				.forEach(view -> everOccupied.putIfAbsent(view.spotId(), view)));
			SpotFacts facts = rules.prepare(latest.keySet(), List.copyOf(everOccupied.values()), now);
			CompletableFuture<Void> unblocked = rules.unblockAside(inState(latest.values(), ObservedState.FREE));
			try {
				rounds.forEach(round -> settle(round, now, facts));
			}
			finally {
				unblocked.join();
			}
		}
	}

	/** Stays and rules of changes to distinct spots. */
	private void settle(List<Change> round, Instant now, SpotFacts facts) {
		stays.change(round.stream().filter(Change::departed).map(Change::view).toList(),
				round.stream().filter(Change::arrived).map(Change::view).toList());
		rules.occupied(inState(round, ObservedState.OCCUPIED), true, now, facts);
		rules.freed(inState(round, ObservedState.FREE), now, facts);
		// UNKNOWN: what was raised stays raised; a block lapses unless the car is seen again.
	}

	private static List<SpotObservationView> inState(List<Change> round, ObservedState state) {
		return inState(round.stream().map(Change::view).toList(), state);
	}

	private static List<SpotObservationView> inState(Collection<SpotObservationView> views, ObservedState state) {
		return views.stream().filter(view -> view.state() == state).toList();
	}

	private record Change(SpotObservationView view, boolean wasOccupied) {

		boolean arrived() {
			return view.state() == ObservedState.OCCUPIED && !wasOccupied;
		}

		boolean departed() {
			return view.state() != ObservedState.OCCUPIED && wasOccupied;
		}
	}
}
