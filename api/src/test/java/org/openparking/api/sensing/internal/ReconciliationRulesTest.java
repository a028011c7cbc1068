package org.openparking.api.sensing.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.sensing.ObservationSource;
import org.openparking.api.sensing.ObservedState;
import org.openparking.api.sensing.SensorFeed;
import org.openparking.api.sensing.SpotObservationView;
import org.openparking.api.sessions.SessionId;
import org.openparking.api.sessions.Sessions;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.LotFixtures;
import org.openparking.api.support.LotFixtures.TestLot;
import org.openparking.api.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time-based rules under a clock the test moves. The background evaluator is slowed down to once an hour so the
 * test decides when rules run; the consumer runs as in production (NOTIFY), and the test waits for it.
 */
@ApiIntegrationTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "parking.sensing.evaluation-interval=1h")
class ReconciliationRulesTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	RuleEvaluator evaluator;

	@Autowired
	SpotObservations observations;

	@Autowired
	SpotClaims claims;

	@Autowired
	Sessions sessions;

	SensorFeed feed;

	Instant t0;

	@BeforeEach
	void setUp() {
		feed = new SensorFeed(jdbc);
		t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		clock.set(t0);
	}

	@Test
	void aBookingWhoseSpotStaysFreePastTheArrivalGraceIsANoShow() {
		Booked booked = booked(t0.minus(Duration.ofMinutes(10)), t0.plus(Duration.ofHours(1)), false,
				t0.minus(Duration.ofMinutes(30)));
		UUID spot = booked.spot();
		UUID booking = booked.booking();

		evaluator.evaluate(); // 10 min after the start: within the 15 min grace
		assertThat(bookingStatus(booking)).isEqualTo("CONFIRMED");

		clock.advance(Duration.ofMinutes(6));
		assertThat(evaluator.evaluate()).isTrue();
		assertThat(bookingStatus(booking)).isEqualTo("NO_SHOW");
		assertThat(alerts(spot)).containsExactly("NO_SHOW/OPEN/" + booking);
		// Released (the default policy): the rest of the window can be held again.
		assertThat(claims.claimedDuring(new LotId(booked.lotId()), List.of(new SpotId(spot)),
				new TimeWindow(clock.instant().plusSeconds(60), t0.plus(Duration.ofMinutes(50))), clock.instant()))
			.isEmpty();

		evaluator.evaluate();
		assertThat(alerts(spot)).hasSize(1);
	}

	@Test
	void aBookingNoLongerThanTheArrivalGraceThatNobodyCameToIsANoShowOnceItEnded() {
		Booked booked = booked(t0.minus(Duration.ofMinutes(20)), t0.minus(Duration.ofMinutes(5)), false,
				t0.minus(Duration.ofMinutes(30)));

		assertThat(evaluator.evaluate()).isTrue();
		assertThat(bookingStatus(booked.booking())).isEqualTo("NO_SHOW");
		assertThat(alerts(booked.spot())).containsExactly("NO_SHOW/OPEN/" + booked.booking());
	}

	@Test
	void aCarOnItsBookedSpotChecksInAndIsChargedForItsOverstayWhenItLeaves() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		UUID spot = lot.spotIds().getFirst();
		UUID booking = booking(lot, spot, t0.minus(Duration.ofMinutes(30)), t0.plus(Duration.ofMinutes(30)));
		String device = feed.register(lot.id(), spot);

		feed.awaitApplied(feed.occupancy(device, lot.id(), spot, true, t0.minus(Duration.ofMinutes(25))));
		assertThat(bookingStatus(booking)).isEqualTo("CHECKED_IN");
		assertThat(alerts(spot)).containsExactly("CHECKED_IN/RESOLVED/" + booking);

		clock.set(t0.plus(Duration.ofMinutes(40))); // ten minutes past the booking's end, the car still there
		evaluator.evaluate();
		assertThat(alerts(spot)).containsExactly("CHECKED_IN/RESOLVED/" + booking, "OVERSTAY/OPEN/" + booking);
		assertThat(claims.claimedDuring(new LotId(lot.id()), List.of(new SpotId(spot)),
				new TimeWindow(clock.instant().plusSeconds(30), clock.instant().plusSeconds(90)), clock.instant()))
			.as("an overstayed spot cannot be held now")
			.containsExactly(new SpotId(spot));

		clock.set(t0.plus(Duration.ofMinutes(61)));
		feed.awaitApplied(feed.occupancy(device, lot.id(), spot, false, t0.plus(Duration.ofMinutes(60))));
		assertThat(alerts(spot)).containsExactly("CHECKED_IN/RESOLVED/" + booking, "OVERSTAY/RESOLVED/" + booking);
		assertThat(bookingStatus(booking)).isEqualTo("COMPLETED");
		// 30 minutes at 2.00/h by the lot's tariff (at least its minimum charge of 1.00).
		assertThat(jdbc.sql("select amount_minor, status from overstay_charge where booking_id = ?")
			.param(booking)
			.query()
			.singleRow()).containsEntry("amount_minor", 100L).containsEntry("status", "DUE");

		evaluator.evaluate();
		assertThat(jdbc.sql("select status from overstay_charge where booking_id = ?").param(booking).query(String.class)
			.single()).isEqualTo("CHARGED");
		assertThat(jdbc.sql("select amount_minor, status from payment where idempotency_key = ?")
			.param("overstay:" + booking)
			.query()
			.singleRow()).containsEntry("amount_minor", 100L).containsEntry("status", "SUCCEEDED");
	}

	@Test
	void aSessionWhoseSpotIsFreePastTheDepartureGraceWasLeftOpen() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		UUID spot = lot.spotIds().getFirst();
		UUID session = session(lot, spot, t0.minus(Duration.ofMinutes(30)));
		String device = feed.register(lot.id(), spot);
		feed.awaitApplied(feed.occupancy(device, lot.id(), spot, true, t0.minus(Duration.ofMinutes(29))));
		assertThat(alerts(spot)).containsExactly("CHECKED_IN/RESOLVED/" + session);

		feed.awaitApplied(feed.occupancy(device, lot.id(), spot, false, t0.minus(Duration.ofMinutes(5))));
		evaluator.evaluate(); // free for 5 minutes: within the 10 min grace
		assertThat(alerts(spot)).hasSize(1);

		clock.advance(Duration.ofMinutes(6));
		evaluator.evaluate();
		evaluator.evaluate();
		assertThat(alerts(spot)).containsExactly("CHECKED_IN/RESOLVED/" + session,
				"SESSION_LEFT_OPEN/OPEN/" + session);
		assertThat(jdbc.sql("select ended_at is null from parking_session where id = ?").param(session)
			.query(Boolean.class).single()).as("auto-end is off by default").isTrue();

		// What auto-end does: the session ends when the car left, charged by tariff, and the alert is resolved.
		sessions.endLeftOpen(new SessionId(session), t0.minus(Duration.ofMinutes(5)));
		assertThat(jdbc.sql("select ended_at, charge_minor from parking_session where id = ?").param(session).query()
			.singleRow()).containsEntry("charge_minor", 100L);
		assertThat(alerts(spot)).containsExactly("CHECKED_IN/RESOLVED/" + session,
				"SESSION_LEFT_OPEN/RESOLVED/" + session);
	}

	@Test
	void aCarThatArrivesEarlyIsUnexpectedUntilItsBookingStarts() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		UUID spot = lot.spotIds().getFirst();
		UUID booking = booking(lot, spot, t0.plus(Duration.ofMinutes(10)), t0.plus(Duration.ofHours(1)));
		String device = feed.register(lot.id(), spot);
		feed.awaitApplied(feed.occupancy(device, lot.id(), spot, true, t0.minusSeconds(10)));
		assertThat(alerts(spot)).containsExactly("UNEXPECTED_OCCUPANCY/OPEN/");

		clock.advance(Duration.ofMinutes(11));
		evaluator.evaluate();
		assertThat(alerts(spot)).containsExactly("UNEXPECTED_OCCUPANCY/RESOLVED/", "CHECKED_IN/RESOLVED/" + booking);
		assertThat(bookingStatus(booking)).isEqualTo("CHECKED_IN");
	}

	@Test
	void aCarThatLeftWithinItsBookingCompletesTheBookingOnceItEnds() {
		Booked car = checkedIn(t0.minus(Duration.ofMinutes(30)), t0.plus(Duration.ofMinutes(30)),
				t0.minus(Duration.ofMinutes(25)));
		feed.awaitApplied(
				feed.occupancy(car.device(), car.lotId(), car.spot(), false, t0.plus(Duration.ofMinutes(10))));

		clock.set(t0.plus(Duration.ofMinutes(11)));
		evaluator.evaluate();
		assertThat(bookingStatus(car.booking())).as("the driver may still come back").isEqualTo("CHECKED_IN");

		clock.set(t0.plus(Duration.ofMinutes(31)));
		evaluator.evaluate();
		assertThat(bookingStatus(car.booking())).isEqualTo("COMPLETED");
		assertThat(jdbc.sql("select count(*) from overstay_charge where booking_id = ?").param(car.booking())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCarThatOverstayedAndLeftBeforeAnyEvaluationIsStillChargedAndItsBookingCompleted() {
		Booked car = checkedIn(t0.minus(Duration.ofMinutes(30)), t0.plus(Duration.ofMinutes(30)),
				t0.minus(Duration.ofMinutes(25)));
		clock.set(t0.plus(Duration.ofMinutes(61)));
		feed.awaitApplied(
				feed.occupancy(car.device(), car.lotId(), car.spot(), false, t0.plus(Duration.ofMinutes(60))));
		raisedAsTheCarLeft("OVERSTAY", car.lotId(), car.spot(), car.booking(), t0.plus(Duration.ofMinutes(60)));

		evaluator.evaluate();

		assertThat(bookingStatus(car.booking())).isEqualTo("COMPLETED");
		assertThat(alerts(car.spot())).containsExactly("CHECKED_IN/RESOLVED/" + car.booking(),
				"OVERSTAY/RESOLVED/" + car.booking());
		// 30 minutes at 2.00/h by the lot's tariff (at least its minimum charge of 1.00), charged in the same pass.
		assertThat(jdbc.sql("select amount_minor, status from overstay_charge where booking_id = ?")
			.param(car.booking())
			.query()
			.singleRow()).containsEntry("amount_minor", 100L).containsEntry("status", "CHARGED");
	}

	@Test
	void aCarWithoutClaimAlertLeftOnAFreeSpotIsResolvedByTheNextEvaluation() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 2);
		UUID left = lot.spotIds().get(0);
		UUID taken = lot.spotIds().get(1);
		feed.awaitApplied(feed.occupancy(feed.register(lot.id(), left), lot.id(), left, false, t0.minusSeconds(20)));
		feed.awaitApplied(feed.occupancy(feed.register(lot.id(), taken), lot.id(), taken, true, t0.minusSeconds(20)));
		assertThat(alerts(taken)).containsExactly("UNEXPECTED_OCCUPANCY/OPEN/");
		raisedAsTheCarLeft("UNEXPECTED_OCCUPANCY", lot.id(), left, null, t0.minusSeconds(10));

		evaluator.evaluate();

		assertThat(alerts(left)).containsExactly("UNEXPECTED_OCCUPANCY/RESOLVED/");
		assertThat(alerts(taken)).as("the car still there keeps its alert").containsExactly("UNEXPECTED_OCCUPANCY/OPEN/");
	}

	@Test
	void aSilentSensorMakesItsSpotUnknownNotFreeUntilItIsHeardAgain() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		UUID spot = lot.spotIds().getFirst();
		String device = feed.register(lot.id(), spot);
		feed.awaitApplied(feed.occupancy(device, lot.id(), spot, false, t0.minus(Duration.ofHours(1))));

		clock.advance(Duration.ofMinutes(31));
		feed.awaitApplied(feed.event(device, lot.id(), spot, "COMMS_LOST", t0.plus(Duration.ofMinutes(30))));
		SpotObservationView lost = observations.views(List.of(spot)).get(spot);
		assertThat(lost.state()).isEqualTo(ObservedState.UNKNOWN);
		assertThat(lost.source()).isEqualTo(ObservationSource.COMMS_LOST);
		assertThat(alerts(spot)).containsExactly("SENSOR_OFFLINE/OPEN/" + device);

		feed.awaitApplied(feed.event(device, lot.id(), spot, "LOW_BATTERY", t0.plus(Duration.ofMinutes(40))));
		feed.awaitApplied(feed.event(device, lot.id(), spot, "COMMS_RESTORED", t0.plus(Duration.ofMinutes(41))));
		assertThat(alerts(spot)).containsExactlyInAnyOrder("SENSOR_OFFLINE/RESOLVED/" + device,
				"LOW_BATTERY/OPEN/" + device);
		assertThat(observations.views(List.of(spot)).get(spot).state()).isEqualTo(ObservedState.UNKNOWN);
	}

	/** A lot of one spot with a sensor, and a booking of it whose car arrived. */
	@Test
	void anEvaluationPrunesTheStaysThatEndedBeforeTheRetention() {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		UUID spot = lot.spotIds().get(0);
		jdbc.sql("""
				insert into spot_stay (spot_id, lot_id, arrived_at, departed_at, ended_by)
				values (?, ?, ?, ?, 'FREE'), (?, ?, ?, ?, 'FREE')""")
			.params(spot, lot.id(), Timestamp.from(t0.minus(Duration.ofDays(402))),
					Timestamp.from(t0.minus(Duration.ofDays(401))), spot, lot.id(),
					Timestamp.from(t0.minus(Duration.ofDays(2))), Timestamp.from(t0.minus(Duration.ofDays(1))))
			.update();

		assertThat(evaluator.evaluate()).as("this node evaluated").isTrue();

		assertThat(jdbc.sql("select count(*) from spot_stay where spot_id = ? and arrived_at < ?")
			.params(spot, Timestamp.from(t0.minus(Duration.ofDays(400))))
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from spot_stay where spot_id = ?").param(spot).query(Long.class).single())
			.isOne();
	}

	private Booked checkedIn(Instant from, Instant to, Instant arrived) {
		Booked booked = booked(from, to, true, arrived);
		assertThat(bookingStatus(booked.booking())).isEqualTo("CHECKED_IN");
		return booked;
	}

	/** A CONFIRMED booking of a one-spot lot whose sensor has reported the spot occupied, or free, since {@code at}. */
	private Booked booked(Instant from, Instant to, boolean occupied, Instant at) {
		TestLot lot = new LotFixtures(jdbc).lot("op-" + UUID.randomUUID(), 1);
		UUID spot = lot.spotIds().getFirst();
		UUID booking = booking(lot, spot, from, to);
		String device = feed.register(lot.id(), spot);
		feed.awaitApplied(feed.occupancy(device, lot.id(), spot, occupied, at));
		return new Booked(lot.id(), spot, booking, device);
	}

	private record Booked(UUID lotId, UUID spot, UUID booking, String device) {
	}

	/**
	 * An OPEN alert as an evaluation leaves it when it raises from OCCUPIED read just before the car's departure
	 * committed: the consumer resolving that departure did not know it.
	 */
	private void raisedAsTheCarLeft(String kind, UUID lot, UUID spot, UUID booking, Instant raisedAt) {
		jdbc.sql("""
				insert into alert (id, lot_id, spot_id, kind, status, message, booking_id, raised_at)
				values (?, ?, ?, ?, 'OPEN', 'raised as the car left', ?, ?)""")
			.params(UUID.randomUUID(), lot, spot, kind, booking, Timestamp.from(raisedAt))
			.update();
	}

	/** kind/status/booking, session or device of the spot's alerts, oldest first. */
	private List<String> alerts(UUID spot) {
		return jdbc.sql("""
				select kind || '/' || status || '/' || coalesce(booking_id::text, session_id::text, device_id, '')
				from alert where spot_id = ? order by raised_at, kind""")
			.param(spot)
			.query(String.class)
			.list();
	}

	private String bookingStatus(UUID booking) {
		return jdbc.sql("select status from booking where id = ?").param(booking).query(String.class).single();
	}

	private UUID booking(TestLot lot, UUID spot, Instant from, Instant to) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into booking (id, lot_id, spot_id, user_id, hold_id, vehicle_plate, during, status, price_minor,
				  currency, created_at, updated_at)
				values (?, ?, ?, ?, ?, 'B-SN 1', tstzrange(?, ?, '[)'), 'CONFIRMED', 200, 'EUR', ?, ?)""")
			.params(id, lot.id(), spot, "driver-" + UUID.randomUUID(), "hold-" + id, Timestamp.from(from),
					Timestamp.from(to), Timestamp.from(from.minusSeconds(3600)), Timestamp.from(from.minusSeconds(3600)))
			.update();
		return id;
	}

	private UUID session(TestLot lot, UUID spot, Instant startedAt) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into parking_session (id, lot_id, spot_id, user_id, vehicle_plate, started_at, currency)
				values (?, ?, ?, ?, 'B-SN 2', ?, 'EUR')""")
			.params(id, lot.id(), spot, "driver-" + UUID.randomUUID(), Timestamp.from(startedAt))
			.update();
		return id;
	}

}
