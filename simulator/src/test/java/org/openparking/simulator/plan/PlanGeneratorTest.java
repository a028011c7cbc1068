package org.openparking.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openparking.simulator.plan.DriverPlan.Outcome;
import org.openparking.simulator.plan.SimEvent.Reading;

class PlanGeneratorTest {

	private static final Faults ALL = new Faults(0.05, 0.05, 0.1, 0.1, 0.05, 0.1, 0.1, 0.1, 0.1);

	private static SimulationConfig config() {
		return SimulationConfig.defaults().withFaults(ALL);
	}

	@Test
	void oneSeedGivesOneSequenceOfEvents() {
		Plan first = PlanGenerator.generate(42, config());
		Plan second = PlanGenerator.generate(42, config());
		assertThat(first.events()).isNotEmpty().isEqualTo(second.events());
		assertThat(first.drivers()).isEqualTo(second.drivers());
		assertThat(first.offlineSpots()).isEqualTo(second.offlineSpots());
	}

	@Test
	void anotherSeedGivesOtherEvents() {
		assertThat(PlanGenerator.generate(1, config()).events())
			.isNotEqualTo(PlanGenerator.generate(2, config()).events());
	}

	@Test
	void eventsAreInTimeOrder() {
		List<SimEvent> events = PlanGenerator.generate(7, config()).events();
		for (int i = 1; i < events.size(); i++) {
			assertThat(events.get(i).at()).isGreaterThanOrEqualTo(events.get(i - 1).at());
		}
	}

	@Test
	void arrivalsFollowTheRateAndTheProfile() {
		SimulationConfig flat = new SimulationConfig(2000, 0, Duration.ofHours(24), java.time.LocalTime.MIDNIGHT,
				TimeOfDayProfile.FLAT, 100, 0.6, 0, 0, 0, Duration.ofMinutes(30), 0.5, Duration.ofMinutes(5),
				Duration.ofHours(3), Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofMinutes(20),
				Duration.ZERO, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(2),
				Duration.ofMinutes(15), Duration.ofSeconds(5), 1, Faults.NONE);
		Plan plan = PlanGenerator.generate(3, flat);
		// Poisson: 2,400 expected, standard deviation about 49.
		assertThat(plan.drivers()).hasSizeBetween(2400 - 250, 2400 + 250);

		Plan weekday = PlanGenerator.generate(3, new SimulationConfig(2000, 0, Duration.ofHours(24),
				java.time.LocalTime.MIDNIGHT, TimeOfDayProfile.WEEKDAY, 100, 0.6, 0, 0, 0, Duration.ofMinutes(30), 0.5,
				Duration.ofMinutes(5), Duration.ofHours(3), Duration.ofMinutes(30), Duration.ofMinutes(5),
				Duration.ofMinutes(20), Duration.ZERO, Duration.ofSeconds(2), Duration.ofMinutes(10),
				Duration.ofMinutes(2), Duration.ofMinutes(15), Duration.ofSeconds(5), 1, Faults.NONE));
		Map<Long, Integer> byHour = new HashMap<>();
		weekday.drivers().forEach(d -> byHour.merge(d.from() / 3_600_000, 1, Integer::sum));
		assertThat(byHour.getOrDefault(8L, 0)).isGreaterThan(10 * byHour.getOrDefault(3L, 1));
	}

	@Test
	void dwellIsLogNormalAroundTheMedian() {
		Draws draws = new Draws(new java.util.SplittableRandom(5));
		List<Long> dwells = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			dwells.add(draws.logNormal(Duration.ofMinutes(90), 0.6, Duration.ZERO, Duration.ofDays(2)));
		}
		dwells.sort(Long::compare);
		double median = dwells.get(dwells.size() / 2) / 60_000.0;
		double mean = dwells.stream().mapToLong(Long::longValue).average().orElseThrow() / 60_000.0;
		assertThat(median).isBetween(85.0, 95.0);
		// Right-skewed: the mean is median × exp(σ²/2) ≈ 107 min.
		assertThat(mean).isBetween(101.0, 113.0);
	}

	@Test
	void carsNeverShareASpotAndFaultySensorsGetNoCars() {
		Plan plan = PlanGenerator.generate(11, config());
		Map<Integer, List<DriverPlan>> bySpot = new HashMap<>();
		plan.drivers().stream().filter(DriverPlan::carCame).forEach(d -> bySpot
			.computeIfAbsent(d.spot(), k -> new ArrayList<>())
			.add(d));
		bySpot.forEach((spot, cars) -> {
			assertThat(plan.offlineSpots()).doesNotContain(spot);
			assertThat(plan.flappingSpots()).doesNotContain(spot);
			cars.sort(java.util.Comparator.comparingLong(DriverPlan::arrival));
			for (int i = 1; i < cars.size(); i++) {
				assertThat(cars.get(i).arrival()).isGreaterThanOrEqualTo(cars.get(i - 1).departure());
			}
		});
	}

	@Test
	void bookedCarsArriveInsideTheirWindowAndOnlyOverstayersLeaveAfterIt() {
		Plan plan = PlanGenerator.generate(13, config());
		plan.drivers().stream().filter(d -> d.kind() == DriverPlan.Kind.BOOKING && d.carCame()).forEach(d -> {
			assertThat(d.arrival()).isBetween(d.from(), d.to());
			if (d.outcome() == Outcome.OVERSTAY) {
				assertThat(d.departure()).isGreaterThan(d.to());
			}
			else {
				assertThat(d.departure()).isLessThanOrEqualTo(d.to());
			}
		});
	}

	@Test
	void everyFaultIsInjected() {
		Plan plan = PlanGenerator.generate(17, config());
		assertThat(plan.outcomes()).containsKeys(Outcome.NO_SHOW, Outcome.OVERSTAY, Outcome.UNAUTHORISED,
				Outcome.DECLINED, Outcome.PARKED);
		assertThat(plan.offlineSpots()).hasSize(5);
		assertThat(plan.flappingSpots()).hasSize(5);
		assertThat(plan.count(SimEvent.Malformed.class)).isPositive();
		assertThat(plan.count(SimEvent.SensorSilenced.class)).isEqualTo(5);
		assertThat(plan.events()).anyMatch(e -> e instanceof Reading r && r.duplicate())
			.anyMatch(e -> e instanceof Reading r && r.stale())
			.anyMatch(e -> e instanceof Reading r && r.cause() == Reading.Cause.FLAP);
		// A silenced sensor sends no heartbeat afterwards.
		plan.events().stream().filter(e -> e instanceof SimEvent.SensorSilenced).forEach(silenced -> {
			int spot = ((SimEvent.SensorSilenced) silenced).spot();
			assertThat(plan.events()).noneMatch(e -> e instanceof Reading r && r.spot() == spot
					&& r.kind() == Reading.Kind.HEARTBEAT && r.at() > silenced.at());
		});
	}

	@Test
	void booksAheadAtLeastTheMinimumLeadAndWindowScaledBySpeed() {
		SimulationConfig fast = new SimulationConfig(100, 100, Duration.ofHours(4), java.time.LocalTime.of(8, 0),
				TimeOfDayProfile.FLAT, 200, 1.0, 0, 0, 0, Duration.ofMinutes(60), 0.5, Duration.ofMinutes(10),
				Duration.ofHours(3), Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofMinutes(20),
				Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(2),
				Duration.ofSeconds(30), Duration.ofSeconds(5), 60, Faults.NONE);
		Plan plan = PlanGenerator.generate(19, fast);
		plan.events().stream()
			.filter(e -> e instanceof SimEvent.DriverAction a && a.action() == SimEvent.Action.BOOK)
			.map(SimEvent.DriverAction.class::cast)
			.forEach(book -> {
				assertThat(book.from() - book.at()).isGreaterThanOrEqualTo(5_000 * 60);
				assertThat(book.to() - book.from()).isGreaterThanOrEqualTo(30_000 * 60);
			});
	}
}
