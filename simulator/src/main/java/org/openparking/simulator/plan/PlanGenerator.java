package org.openparking.simulator.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.openparking.simulator.plan.DriverPlan.Kind;
import org.openparking.simulator.plan.DriverPlan.Outcome;
import org.openparking.simulator.plan.SimEvent.Action;
import org.openparking.simulator.plan.SimEvent.DriverAction;
import org.openparking.simulator.plan.SimEvent.Malformed;
import org.openparking.simulator.plan.SimEvent.Reading;
import org.openparking.simulator.plan.SimEvent.Reading.Cause;
import org.openparking.simulator.plan.SimEvent.SensorSilenced;

/**
 * Turns a seed and a configuration into a {@link Plan}: a pure function with no clock and no I/O, so one seed gives
 * one sequence of events. Each concern draws from its own split stream, so, for example, a different heartbeat interval
 * leaves the drivers' choices unchanged.
 */
public final class PlanGenerator {

	private static final long HOUR = 3_600_000;

	private final SimulationConfig config;
	private final long seed;
	private final List<Timed> events = new ArrayList<>();
	private final List<DriverPlan> drivers = new ArrayList<>();
	private long order;

	private record Timed(long at, long order, SimEvent event) {
	}

	private PlanGenerator(long seed, SimulationConfig config) {
		this.seed = seed;
		this.config = config;
	}

	public static Plan generate(long seed, SimulationConfig config) {
		return new PlanGenerator(seed, config).run();
	}

	private Plan run() {
		Draws root = new Draws(new SplittableRandom(seed));
		Draws faultSpots = root.split();
		Draws arrivals = root.split();
		Draws choices = root.split();
		Draws sensorNoise = root.split();
		Draws heartbeats = root.split();

		Set<Integer> offline = pick(faultSpots, config.faults().offline(), Set.of());
		Set<Integer> flapping = pick(faultSpots, config.faults().flapping(), offline);
		boolean[] usable = new boolean[config.spots()];
		for (int spot = 0; spot < usable.length; spot++) {
			usable[spot] = !offline.contains(spot) && !flapping.contains(spot);
		}
		SpotLedger ledger = new SpotLedger(usable);
		for (int spot = 0; spot < config.sensors(); spot++) {
			add(new Reading(0, spot, Reading.Kind.STARTUP, false, -1, Cause.INITIAL, false, false));
			add(new Reading(0, spot, Reading.Kind.STATUS, false, -1, Cause.INITIAL, false, false));
		}
		driversArrive(arrivals, choices, ledger);
		long end = Math.max(config.duration().toMillis(), events.stream().mapToLong(Timed::at).max().orElse(0));
		long[] silencedAt = silence(faultSpots, offline, end);
		flap(faultSpots, flapping, end);
		heartbeat(heartbeats, silencedAt, end);
		addReadingNoise(sensorNoise, silencedAt);

		List<SimEvent> sorted = events.stream()
			.sorted(Comparator.comparingLong(Timed::at).thenComparingLong(Timed::order))
			.map(Timed::event)
			.toList();
		return new Plan(seed, config, sorted, drivers, offline, flapping, end);
	}

	/** round(rate × sensors) distinct sensor spots, none of {@code taken}. */
	private Set<Integer> pick(Draws draws, double rate, Set<Integer> taken) {
		int wanted = (int) Math.min(Math.round(rate * config.sensors()), config.sensors() - taken.size());
		Set<Integer> picked = new HashSet<>();
		while (picked.size() < wanted) {
			int spot = draws.index(config.sensors());
			if (!taken.contains(spot)) {
				picked.add(spot);
			}
		}
		return picked;
	}

	/** A non-homogeneous Poisson process by thinning: candidates at the peak rate, kept in proportion to the profile. */
	private void driversArrive(Draws arrivals, Draws choices, SpotLedger ledger) {
		double peakPerMs = config.arrivalsPerHour() * config.profile().max() / HOUR;
		if (peakPerMs <= 0) {
			return;
		}
		long startOfDay = config.startOfDay().toSecondOfDay() * 1000L;
		double t = 0;
		while (true) {
			t += arrivals.exponential(1 / peakPerMs);
			if (t >= config.duration().toMillis()) {
				return;
			}
			long at = (long) t;
			if (!arrivals.chance(config.profile().at(startOfDay + at) / config.profile().max())) {
				continue;
			}
			Draws driver = choices.split();
			long dwell = driver.logNormal(config.dwellMedian(), config.dwellSigma(), config.minDwell(),
					config.maxDwell());
			if (driver.chance(config.browseShare())) {
				browse(driver, at, dwell);
			}
			if (driver.chance(config.faults().unauthorised())) {
				unauthorised(ledger, driver, at, dwell);
			}
			else if (driver.chance(config.bookingShare()) && at >= minLead()) {
				book(ledger, driver, at, dwell);
			}
			else {
				walkIn(ledger, driver, at, dwell);
			}
		}
	}

	private long minLead() {
		return config.scaledFromWall(config.minLead()).toMillis();
	}

	private long lead(Draws driver, long from) {
		long lead = Math.max(minLead(), Math.round(driver.exponential(config.leadMean().toMillis())));
		return Math.min(lead, from);
	}

	private void browse(Draws driver, long at, long dwell) {
		int id = drivers.size();
		long lookAt = at - lead(driver, at);
		if (at - lookAt < minLead()) {
			return;
		}
		drivers.add(new DriverPlan(id, Kind.BROWSER, -1, at, at + dwell, -1, -1, Outcome.BROWSED));
		add(new DriverAction(lookAt, id, Action.BROWSE, -1, at, at + Math.max(dwell, minWindow()), false));
	}

	private long minWindow() {
		return config.scaledFromWall(config.minWindow()).toMillis();
	}

	private void unauthorised(SpotLedger ledger, Draws driver, long at, long dwell) {
		int id = drivers.size();
		int spot = ledger.claimStay(driver, at, at + dwell + config.gap().toMillis());
		if (spot < 0) {
			drivers.add(new DriverPlan(id, Kind.UNAUTHORISED, -1, at, at, -1, -1, Outcome.TURNED_AWAY));
			return;
		}
		drivers.add(new DriverPlan(id, Kind.UNAUTHORISED, spot, at, at + dwell, at, at + dwell, Outcome.UNAUTHORISED));
		arrive(spot, id, at, Cause.UNAUTHORISED_ARRIVAL);
		arrive(spot, id, at + dwell, Cause.UNAUTHORISED_DEPARTURE);
	}

	private void walkIn(SpotLedger ledger, Draws driver, long at, long dwell) {
		int id = drivers.size();
		int spot = ledger.claimStay(driver, at, at + dwell + config.gap().toMillis());
		if (spot < 0) {
			drivers.add(new DriverPlan(id, Kind.WALK_IN, -1, at, at, -1, -1, Outcome.TURNED_AWAY));
			return;
		}
		long leaves = at + dwell;
		drivers.add(new DriverPlan(id, Kind.WALK_IN, spot, at, leaves, at, leaves, Outcome.PARKED));
		add(new DriverAction(at, id, Action.START_SESSION, spot, at, leaves, false));
		arrive(spot, id, at, Cause.ARRIVAL);
		arrive(spot, id, leaves, Cause.DEPARTURE);
		// The driver ends the session from the app a while after driving off: the spot is seen FREE (after the gateway's
		// debounce) before the session ends, so no one is left standing on a spot without a session.
		add(new DriverAction(leaves + config.gap().toMillis() / 2, id, Action.END_SESSION, spot, at, leaves, false));
	}

	/**
	 * The booking window starts at {@code from}; the car comes within the arrival spread and the window is long enough
	 * for the stay plus some slack, and at least as long as the API's minimum.
	 */
	private void book(SpotLedger ledger, Draws driver, long from, long dwell) {
		int id = drivers.size();
		long bookAt = from - lead(driver, from);
		long delay = driver.between(0, config.arrivalSpread().toMillis());
		long to = from + Math.max(minWindow(), delay + dwell + Math.round(dwell * 0.25 * driver.uniform()));
		Faults faults = config.faults();
		Outcome outcome;
		if (driver.chance(faults.declined())) {
			outcome = Outcome.DECLINED;
		}
		else if (driver.chance(config.cancelShare())) {
			outcome = Outcome.CANCELLED;
		}
		else if (driver.chance(faults.noShow())) {
			outcome = Outcome.NO_SHOW;
		}
		else if (driver.chance(faults.overstay())) {
			outcome = Outcome.OVERSTAY;
		}
		else if (driver.chance(config.extendShare())) {
			outcome = Outcome.EXTENDED;
		}
		else {
			outcome = Outcome.PARKED;
		}
		long extension = outcome == Outcome.EXTENDED ? Math.max(minWindow(), dwell / 2) : 0;
		long arrival = from + delay;
		long departure = switch (outcome) {
			case OVERSTAY -> to + config.gap().toMillis() + driver.logNormal(config.overstayMedian(), 0.4,
					config.overstayMedian().dividedBy(3), config.overstayMedian().multipliedBy(3));
			case EXTENDED -> arrival + dwell + extension;
			default -> arrival + dwell;
		};
		boolean comes = outcome == Outcome.PARKED || outcome == Outcome.OVERSTAY || outcome == Outcome.EXTENDED;
		long claimedUntil = Math.max(to + extension, comes ? departure : 0) + config.gap().toMillis();
		int spot = ledger.claimBooking(driver, bookAt, from, claimedUntil);
		if (spot < 0) {
			drivers.add(new DriverPlan(id, Kind.BOOKING, -1, from, to, -1, -1, Outcome.TURNED_AWAY));
			return;
		}
		drivers.add(new DriverPlan(id, Kind.BOOKING, spot, from, to + extension, comes ? arrival : -1,
				comes ? departure : -1, outcome));
		add(new DriverAction(bookAt, id, Action.BOOK, spot, from, to, outcome == Outcome.DECLINED));
		long beforeFrom = from - bookAt;
		if (outcome == Outcome.CANCELLED) {
			add(new DriverAction(bookAt + beforeFrom / 2, id, Action.CANCEL, spot, from, to, false));
		}
		if (outcome == Outcome.EXTENDED) {
			add(new DriverAction(bookAt + beforeFrom * 3 / 4, id, Action.EXTEND, spot, from, to + extension, false));
		}
		if (comes) {
			arrive(spot, id, arrival, Cause.ARRIVAL);
			arrive(spot, id, departure, outcome == Outcome.OVERSTAY ? Cause.OVERSTAY_DEPARTURE : Cause.DEPARTURE);
		}
	}

	/** A car's arrival or departure as the sensor sees it (nothing, on a spot without a sensor). */
	private void arrive(int spot, int driver, long at, Cause cause) {
		if (spot < config.sensors()) {
			boolean occupied = cause == Cause.ARRIVAL || cause == Cause.UNAUTHORISED_ARRIVAL;
			add(new Reading(at, spot, Reading.Kind.STATUS, occupied, driver, cause, false, false));
		}
	}

	/** Offline sensors fall silent in the first half of the run, so their heartbeat deadline passes before it ends. */
	private long[] silence(Draws draws, Set<Integer> offline, long end) {
		long[] silencedAt = new long[config.sensors()];
		java.util.Arrays.fill(silencedAt, Long.MAX_VALUE);
		for (int spot : offline.stream().sorted().toList()) {
			long at = draws.between(config.duration().toMillis() / 10, Math.max(1, config.duration().toMillis() / 2));
			silencedAt[spot] = at;
			add(new SensorSilenced(at, spot));
		}
		return silencedAt;
	}

	private void flap(Draws draws, Set<Integer> flapping, long end) {
		for (int spot : flapping.stream().sorted().toList()) {
			double t = draws.exponential(config.flapEvery().toMillis());
			while (t < end) {
				long at = (long) t;
				int pulses = 1 + draws.index(3);
				for (int pulse = 0; pulse < pulses; pulse++) {
					long start = at + pulse * 2 * config.flapPulse().toMillis();
					add(new Reading(start, spot, Reading.Kind.STATUS, true, -1, Cause.FLAP, false, false));
					add(new Reading(start + config.flapPulse().toMillis(), spot, Reading.Kind.STATUS, false, -1,
							Cause.FLAP, false, false));
				}
				t += draws.exponential(config.flapEvery().toMillis());
			}
		}
	}

	/** Heartbeats at the configured interval, ±10 %, until the sensor falls silent or the plan ends. */
	private void heartbeat(Draws draws, long[] silencedAt, long end) {
		long interval = config.heartbeat().toMillis();
		if (interval <= 0) {
			return;
		}
		for (int spot = 0; spot < config.sensors(); spot++) {
			long t = draws.between(1, interval);
			while (t <= end && t < silencedAt[spot]) {
				add(new Reading(t, spot, Reading.Kind.HEARTBEAT, false, -1, Cause.HEARTBEAT, false, false));
				t += Math.round(interval * (0.9 + 0.2 * draws.uniform()));
			}
		}
	}

	/** Marks readings to be duplicated or followed by a stale one, and adds malformed payloads between them. */
	private void addReadingNoise(Draws draws, long[] silencedAt) {
		Faults faults = config.faults();
		List<Timed> noisy = new ArrayList<>(events.size());
		List<Timed> extra = new ArrayList<>();
		for (Timed timed : events) {
			if (timed.event() instanceof Reading reading && reading.kind() != Reading.Kind.STARTUP
					&& reading.at() < silencedAt[reading.spot()]) {
				boolean status = reading.kind() == Reading.Kind.STATUS && reading.cause() != Cause.INITIAL;
				boolean duplicate = status && draws.chance(faults.duplicate());
				boolean stale = status && draws.chance(faults.outOfOrder());
				noisy.add(new Timed(timed.at(), timed.order(), new Reading(reading.at(), reading.spot(),
						reading.kind(), reading.occupied(), reading.driver(), reading.cause(), duplicate, stale)));
				if (draws.chance(faults.malformed())) {
					Malformed.Garbage garbage = Malformed.Garbage.values()[draws.index(Malformed.Garbage.values().length)];
					extra.add(new Timed(reading.at(), order++, new Malformed(reading.at(), reading.spot(), garbage)));
				}
			}
			else {
				noisy.add(timed);
			}
		}
		events.clear();
		events.addAll(noisy);
		events.addAll(extra);
	}

	private void add(SimEvent event) {
		events.add(new Timed(event.at(), order++, event));
	}
}
