package org.openparking.simulator.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openparking.simulator.plan.DriverPlan;
import org.openparking.simulator.plan.Plan;

/**
 * Cars take turns on a spot in the order the plan has them arrive. On a slow deployment a driver runs behind plan; the
 * next car then waits until the spot is free (and stayed free long enough for the gateway to see it), as a real driver
 * would, instead of two cars standing on one spot and the sensor seeing one long stay.
 */
final class SpotTurns {

	private final Map<Integer, Turn> bySpot = new HashMap<>();
	private final Map<Integer, Ticket> byDriver = new HashMap<>();
	private final long minFreeMillis;

	private record Ticket(int spot, int number) {
	}

	private static final class Turn {
		int next;
		long freeSince;
		final Set<Integer> skipped = new HashSet<>();
	}

	SpotTurns(Plan plan, Duration minFree) {
		this.minFreeMillis = minFree.toMillis();
		Map<Integer, List<DriverPlan>> cars = new HashMap<>();
		// Only cars whose turn the run sees begin and end: every walk-in (its session), others on a spot with a sensor.
		plan.drivers()
			.stream()
			.filter(d -> d.carCame() && (d.kind() == DriverPlan.Kind.WALK_IN || d.spot() < plan.config().sensors()))
			.forEach(d -> cars.computeIfAbsent(d.spot(),
				k -> new ArrayList<>()).add(d));
		cars.forEach((spot, tenants) -> {
			tenants.sort(Comparator.comparingLong(DriverPlan::arrival).thenComparingInt(DriverPlan::driver));
			for (int i = 0; i < tenants.size(); i++) {
				byDriver.put(tenants.get(i).driver(), new Ticket(spot, i));
			}
			bySpot.put(spot, new Turn());
		});
	}

	/** Blocks until it is this driver's turn on its spot and the spot has been free long enough. */
	void enter(int driver) throws InterruptedException {
		Ticket ticket = byDriver.get(driver);
		if (ticket == null) {
			return;
		}
		Turn turn = bySpot.get(ticket.spot());
		synchronized (turn) {
			while (turn.next != ticket.number()) {
				turn.wait();
			}
			long wait;
			while ((wait = turn.freeSince + minFreeMillis - System.currentTimeMillis()) > 0) {
				turn.wait(wait);
			}
		}
	}

	/** The driver's car left (or will never come): the next one may park. */
	void leave(int driver) {
		Ticket ticket = byDriver.get(driver);
		if (ticket == null) {
			return;
		}
		Turn turn = bySpot.get(ticket.spot());
		synchronized (turn) {
			if (turn.next == ticket.number()) {
				turn.next++;
				turn.freeSince = System.currentTimeMillis();
				while (turn.skipped.remove(turn.next)) {
					turn.next++;
				}
			}
			else if (turn.next < ticket.number()) {
				turn.skipped.add(ticket.number());
			}
			turn.notifyAll();
		}
	}
}
