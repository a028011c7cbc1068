package org.openparking.simulator.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.openparking.simulator.io.ApiException;
import org.openparking.simulator.io.ParkingApi;
import org.openparking.simulator.io.SensorRadio;
import org.openparking.simulator.io.Uplinks;
import org.openparking.simulator.plan.Plan;
import org.openparking.simulator.plan.SimEvent;
import org.openparking.simulator.plan.SimEvent.DriverAction;
import org.openparking.simulator.plan.SimEvent.Malformed;
import org.openparking.simulator.plan.SimEvent.Reading;
import org.openparking.simulator.plan.SimEvent.SensorSilenced;

/**
 * Plays a plan against a deployment: event {@code t} of simulated time fires at {@code start + t / speed} on the wall
 * clock. Events of one actor (a driver, or a sensor's own readings) run in order on virtual threads; different actors
 * run concurrently. A driver whose API call failed skips the rest of its plan, its car included.
 */
public final class SimulationRun {

	/** What the run did, per driver: the ids the API gave, for the invariant checks. */
	public record DriverOutcome(String userId, String bookingId, String sessionId, boolean failed) {
	}

	private final Plan plan;
	private final Deployment deployment;
	private final ParkingApi api;
	private final SensorRadio radio;
	private final Supplier<Instant> clock;
	private final DriverIdentities identities;
	private final Metrics metrics;
	private final ObservationLatency latency;
	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
	private final Map<String, CompletableFuture<Void>> lines = new ConcurrentHashMap<>();
	private final Map<Integer, DriverState> drivers = new ConcurrentHashMap<>();
	private final Map<Integer, SensorState> sensors = new ConcurrentHashMap<>();
	private final AtomicLong dispatched = new AtomicLong();
	private final AtomicLong maxLagMillis = new AtomicLong();
	private final AtomicBoolean stopped = new AtomicBoolean();
	private final SpotTurns turns;
	private volatile Instant start;
	private volatile Instant finished;

	public SimulationRun(Plan plan, Deployment deployment, ParkingApi api, SensorRadio radio, DriverIdentities identities,
			Metrics metrics, ObservationLatency latency) {
		this.plan = plan;
		this.deployment = deployment;
		this.api = api;
		this.radio = radio;
		this.identities = identities;
		this.metrics = metrics;
		this.latency = latency;
		this.clock = Instant::now;
		this.turns = new SpotTurns(plan, Duration.ofMillis(Math.round(plan.config().gap().toMillis() / 2.0
				/ plan.config().speed())));
	}

	private static final class DriverState {
		/** How far this driver runs behind plan: a slow API call delays the driver's later steps, not the car's stay. */
		volatile long shiftMillis;
		volatile String holdId;
		volatile String bookingId;
		volatile String sessionId;
		volatile boolean failed;
	}

	private static final class SensorState {
		long seq;
		Instant lastTs = Instant.EPOCH;
		Instant previousTs = Instant.EPOCH;
		boolean silenced;
		double battery = 3.6;
	}

	/** Plays events up to {@code cutoff} simulated ms (Long.MAX_VALUE: all), then waits for the stragglers. */
	public void play(long cutoff) throws InterruptedException {
		start = clock.get();
		for (SimEvent event : plan.events()) {
			if (event.at() > cutoff || stopped.get()) {
				break;
			}
			Instant due = wallTime(event.at());
			long wait = Duration.between(clock.get(), due).toMillis();
			if (wait > 0) {
				Thread.sleep(wait);
			}
			else {
				maxLagMillis.accumulateAndGet(-wait, Math::max);
			}
			lines.compute(event.actor(), (actor, line) -> (line == null ? CompletableFuture.<Void>completedFuture(null)
					: line).thenRunAsync(() -> handle(event), workers));
			dispatched.incrementAndGet();
		}
		CompletableFuture.allOf(lines.values().toArray(CompletableFuture[]::new)).join();
		finished = clock.get();
		workers.shutdown();
		workers.awaitTermination(1, TimeUnit.MINUTES);
	}

	/** When the last event was done. */
	public Instant finished() {
		return finished;
	}

	public void stop() {
		stopped.set(true);
	}

	public Instant wallTime(long simMillis) {
		return start.plusNanos(Math.round(simMillis * 1_000_000 / plan.config().speed()));
	}

	/** Simulated milliseconds elapsed so far. */
	public long simulatedNow() {
		return start == null ? 0
				: Math.round(Duration.between(start, clock.get()).toMillis() * plan.config().speed());
	}

	public long dispatched() {
		return dispatched.get();
	}

	/** The latest an event fired after its due time: the run could not keep up when this grows. */
	public long maxLagMillis() {
		return maxLagMillis.get();
	}

	public Map<Integer, DriverOutcome> driverOutcomes() {
		Map<Integer, DriverOutcome> outcomes = new java.util.TreeMap<>();
		drivers.forEach((id, state) -> outcomes.put(id,
				new DriverOutcome(identities.user(id), state.bookingId, state.sessionId, state.failed)));
		return outcomes;
	}

	private void handle(SimEvent event) {
		try {
			int driverId = event instanceof DriverAction a ? a.driver() : event instanceof Reading r ? r.driver() : -1;
			if (driverId >= 0) {
				keepPace(event, driver(driverId));
			}
			switch (event) {
				case DriverAction action -> act(action);
				case Reading reading -> read(reading);
				case Malformed malformed -> garble(malformed);
				case SensorSilenced silenced -> sensor(silenced.spot()).silenced = true;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException e) {
			metrics.error("internal", e.getClass().getSimpleName());
		}
	}

	/**
	 * Runs a driver's step at its planned time plus the driver's shift, and grows the shift when the step starts late:
	 * so a car still parks for its planned dwell after a slow startSession, instead of being debounced away.
	 */
	private void keepPace(SimEvent event, DriverState state) throws InterruptedException {
		Instant planned = wallTime(event.at());
		long wait = Duration.between(clock.get(), planned.plusMillis(state.shiftMillis)).toMillis();
		if (wait > 0) {
			Thread.sleep(wait);
		}
		long late = Duration.between(planned, clock.get()).toMillis();
		if (late > state.shiftMillis) {
			state.shiftMillis = late;
			metrics.record("driver.behind_plan", late * 1_000_000);
		}
	}

	private DriverState driver(int id) {
		return drivers.computeIfAbsent(id, k -> new DriverState());
	}

	private SensorState sensor(int spot) {
		return sensors.computeIfAbsent(spot, k -> new SensorState());
	}

	private void act(DriverAction action) throws InterruptedException {
		DriverState state = driver(action.driver());
		if (state.failed) {
			metrics.count("driver.skipped_after_failure");
			return;
		}
		String token = identities.token(action.driver());
		String lot = deployment.lotId();
		Instant from = wallTime(action.from());
		Instant to = wallTime(action.to());
		try {
			switch (action.action()) {
				case BROWSE -> {
					call("searchSpots", () -> api.searchSpots(token, lot, from, to));
					call("quote", () -> api.quote(token, lot, from, to));
				}
				case BOOK -> {
					call("searchSpots", () -> api.searchSpots(token, lot, from, to));
					call("quote", () -> api.quote(token, lot, from, to));
					String spot = deployment.spots().get(action.spot()).id();
					state.holdId = retryWhileTaken("holdSpot", () -> api.holdSpot(token, spot, from, to));
					state.bookingId = call("confirmBooking", () -> api.confirmBooking(token, state.holdId,
							action.declinedPayment() ? "tok_decline" : "tok_visa", identities.plate(action.driver())));
					metrics.count(action.declinedPayment() ? "executed.booking_declined_card" : "executed.booking");
				}
				case CANCEL -> {
					awaitConfirmed(token, state.bookingId);
					call("cancelBooking", () -> {
						api.cancelBooking(token, state.bookingId);
						return null;
					});
					metrics.count("executed.cancel");
				}
				case EXTEND -> {
					awaitConfirmed(token, state.bookingId);
					call("extendBooking", () -> {
						api.extendBooking(token, state.bookingId, to, "tok_visa");
						return null;
					});
					metrics.count("executed.extend");
				}
				case START_SESSION -> {
					turns.enter(action.driver());
					String spot = deployment.spots().get(action.spot()).id();
					state.sessionId = retryWhileTaken("startSession",
							() -> api.startSession(token, lot, spot, identities.plate(action.driver())));
					metrics.count("executed.session");
				}
				case END_SESSION -> {
					call("endSession", () -> {
						api.endSession(token, "tok_visa");
						return null;
					});
					metrics.count("executed.session_end");
					turns.leave(action.driver());
				}
			}
		}
		catch (ApiException e) {
			state.failed = true;
			turns.leave(action.driver());
		}
	}

	/** Payment is asynchronous: cancel and extend need the booking CONFIRMED. */
	private void awaitConfirmed(String token, String bookingId) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		String status = "";
		while (System.nanoTime() < deadline) {
			status = call("booking", () -> api.bookingStatus(token, bookingId));
			if (!"PENDING_PAYMENT".equals(status)) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		metrics.error("booking", "STILL_PENDING_PAYMENT");
	}

	/**
	 * The spot the ledger picked can still be claimed when the driver before runs behind plan (a session not ended
	 * yet): try again for a while, as a driver would, before giving up.
	 */
	private <T> T retryWhileTaken(String operation, Supplier<T> call) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (true) {
			try {
				return call(operation, call);
			}
			catch (ApiException e) {
				if (!"SPOT_TAKEN".equals(e.kind()) || System.nanoTime() > deadline) {
					throw e;
				}
				metrics.count("retried." + operation);
				Thread.sleep(500);
			}
		}
	}

	private <T> T call(String operation, Supplier<T> call) {
		long began = System.nanoTime();
		try {
			T result = call.get();
			metrics.record(operation, System.nanoTime() - began);
			return result;
		}
		catch (ApiException e) {
			metrics.record(operation, System.nanoTime() - began);
			metrics.error(operation, e.kind());
			throw e;
		}
	}

	private void read(Reading reading) throws InterruptedException {
		if (reading.driver() >= 0 && driver(reading.driver()).failed) {
			metrics.count("readings.skipped_after_failure");
			return;
		}
		if (reading.cause() == Reading.Cause.ARRIVAL || reading.cause() == Reading.Cause.UNAUTHORISED_ARRIVAL) {
			turns.enter(reading.driver());
		}
		publishReading(reading);
		boolean departed = reading.cause() == Reading.Cause.UNAUTHORISED_DEPARTURE
				|| reading.cause() == Reading.Cause.OVERSTAY_DEPARTURE
				|| reading.cause() == Reading.Cause.DEPARTURE && !drivesWalkIn(reading.driver());
		if (departed) {
			turns.leave(reading.driver());
		}
	}

	private boolean drivesWalkIn(int driver) {
		return plan.drivers().get(driver).kind() == org.openparking.simulator.plan.DriverPlan.Kind.WALK_IN;
	}

	private void publishReading(Reading reading) {
		String device = deployment.deviceIds().get(reading.spot());
		SensorState sensor = sensor(reading.spot());
		synchronized (sensor) {
			if (sensor.silenced) {
				return;
			}
			if (reading.kind() == Reading.Kind.STARTUP) {
				sensor.seq = 0;
			}
			else {
				sensor.seq++;
			}
			Instant now = clock.get();
			Instant ts = now.isAfter(sensor.lastTs) ? now : sensor.lastTs.plusMillis(1);
			sensor.previousTs = sensor.lastTs;
			sensor.lastTs = ts;
			sensor.battery = Math.max(3.1, sensor.battery - 0.0001);
			String type = reading.kind().name().toLowerCase();
			Boolean occupied = reading.kind() == Reading.Kind.STATUS ? reading.occupied() : null;
			byte[] body = Uplinks.reading(type, occupied, sensor.seq, ts, sensor.battery, -70 - reading.spot() % 30);
			if (occupied != null && reading.cause() != Reading.Cause.FLAP && reading.cause() != Reading.Cause.INITIAL) {
				latency.expect(deployment.spots().get(reading.spot()).id(), occupied);
			}
			if (publish("mqtt." + type, device, body)) {
				metrics.count("published." + reading.cause().name().toLowerCase());
			}
			if (reading.duplicate()) {
				publish("mqtt.duplicate", device, body);
			}
			if (reading.stale() && sensor.seq > 0) {
				publish("mqtt.out_of_order", device, Uplinks.reading(type, !reading.occupied(), sensor.seq - 1,
						sensor.previousTs.minusMillis(1), sensor.battery, -80));
			}
		}
	}

	private void garble(Malformed malformed) {
		SensorState sensor = sensor(malformed.spot());
		synchronized (sensor) {
			if (!sensor.silenced && publish("mqtt.malformed", deployment.deviceIds().get(malformed.spot()),
					Uplinks.malformed(malformed.garbage(), sensor.seq, clock.get()))) {
				metrics.count("published.malformed." + malformed.garbage().name().toLowerCase());
			}
		}
	}

	private boolean publish(String operation, String device, byte[] body) {
		long began = System.nanoTime();
		try {
			radio.publish(device, body);
			metrics.record(operation, System.nanoTime() - began);
			return true;
		}
		catch (ApiException e) {
			metrics.error(operation, e.kind());
			return false;
		}
	}
}
