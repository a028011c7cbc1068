package org.openparking.simulator.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A simulation's events in the order they happen, with the ground truth behind them.
 *
 * @param offlineSpots spots whose sensor falls silent (it gets no cars, so silence is the only thing it reports)
 * @param flappingSpots spots whose sensor flaps (no cars either: every flap must be debounced away)
 */
public record Plan(long seed, SimulationConfig config, List<SimEvent> events, List<DriverPlan> drivers,
		Set<Integer> offlineSpots, Set<Integer> flappingSpots, long end) {

	public Plan {
		events = List.copyOf(events);
		drivers = List.copyOf(drivers);
		offlineSpots = Set.copyOf(offlineSpots);
		flappingSpots = Set.copyOf(flappingSpots);
	}

	/** Drivers per outcome, sorted by name, for summaries. */
	public Map<DriverPlan.Outcome, Long> outcomes() {
		Map<DriverPlan.Outcome, Long> counts = new TreeMap<>();
		drivers.forEach(d -> counts.merge(d.outcome(), 1L, Long::sum));
		return counts;
	}

	/** Cars that arrive on a spot with a sensor (each is a FREE → OCCUPIED change once the debounce has passed). */
	public long sensedArrivals() {
		return drivers.stream().filter(d -> d.carCame() && d.spot() < config.sensors()).count();
	}

	public long count(Class<? extends SimEvent> type) {
		return events.stream().filter(type::isInstance).count();
	}
}
