package org.openparking.gateway.bench;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openparking.gateway.bench.StageBreakdown.Breakdown;
import org.openparking.gateway.bench.StageBreakdown.LateSecond;
import org.openparking.gateway.bench.StageBreakdown.Spread;
import org.openparking.gateway.support.GatewayIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The stage times of a run's events, from rows in the real schema and the events a subscriber saw. */
@GatewayIntegrationTest
class StageBreakdownTest {

	private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void splitsEachEventsLatencyIntoItsStagesAndNamesTheStageOfTheLateOnes() throws Exception {
		String run = "stages" + UUID.randomUUID().toString().substring(0, 8);
		List<StageBreakdown.Event> events = new ArrayList<>();
		// Nine on time (broker 1, gateway 10, queued 5, api 20: 36 ms); one in second 1 queued for 300 ms.
		for (int i = 0; i < 10; i++) {
			long published = START.toEpochMilli() + (i == 9 ? 1500 : i * 10);
			long queued = i == 9 ? 300 : 5;
			events.add(observed(run, i, published, 1, 10, queued, 20));
		}
		// Another run's observation of a spot and time the events know: not joined.
		observed("other" + run, 0, START.toEpochMilli(), 1, 1, 1, 1);

		Breakdown breakdown;
		try (Connection db = dataSource.getConnection()) {
			breakdown = StageBreakdown.measure(db, run, START.toEpochMilli(), events);
		}

		assertThat(breakdown.stages()).containsExactly(new Spread("broker", 1, 1, 1), new Spread("gateway", 10, 10, 10),
				new Spread("queued", 5, 300, 300), new Spread("api", 20, 20, 20), new Spread("total", 36, 331, 331));
		assertThat(breakdown.lateSeconds()).containsExactly(new LateSecond(1, 1, List.of(1L, 10L, 300L, 20L), 331));
		assertThat(breakdown.settled()).isNull();
		assertThat(breakdown.describe()).contains("queued p50 5 / p99 300 / max 300",
				"second 1 of publishing: 1 late, on average broker 1, gateway 10, queued 300, api 20; worst 331")
			.doesNotContain("past the run's start");
	}

	@Test
	void reportsTheEventsPublishedPastTheLotsStartApart() throws Exception {
		String run = "settled" + UUID.randomUUID().toString().substring(0, 8);
		List<StageBreakdown.Event> events = new ArrayList<>();
		// The first second's event is late; the two from second 2 on are not.
		events.add(observed(run, 0, START.toEpochMilli() + 500, 1, 10, 400, 20));
		events.add(observed(run, 1, START.toEpochMilli() + 2000, 1, 10, 5, 20));
		events.add(observed(run, 2, START.toEpochMilli() + 3500, 2, 10, 5, 20));

		Breakdown breakdown;
		try (Connection db = dataSource.getConnection()) {
			breakdown = StageBreakdown.measure(db, run, START.toEpochMilli(), events);
		}

		assertThat(breakdown.stages()).contains(new Spread("total", 37, 431, 431));
		assertThat(breakdown.settled()).isEqualTo(new Spread("total", 36, 37, 37));
		assertThat(breakdown.describe())
			.contains("published from second 2 on (past the run's start): total p50 36 / p99 37 / max 37");
	}

	/** Rows for a reading of the run's device {@code n}, each stage taking the given ms; the event that ended it. */
	private StageBreakdown.Event observed(String run, int n, long published, long broker, long gateway, long queued,
			long api) {
		UUID spot = UUID.nameUUIDFromBytes((run.substring(run.length() - 8) + n).getBytes());
		long received = published + broker;
		long handedOff = received + gateway;
		long passStarted = handedOff + queued;
		long id = jdbc.sql("""
				insert into sensor_observation (device_id, lot_id, spot_id, kind, occupied, observed_at, received_at,
				    handed_off_at, seq) values (?, ?, ?, 'OCCUPANCY', true, ?, ?, ?, 1) returning id""")
			.params(run + "-" + n, UUID.randomUUID(), spot, at(published), at(received), at(handedOff))
			.query(Long.class)
			.single();
		jdbc.sql("insert into sensing_pass (started_at, after_id, up_to, gap_ids) values (?, ?, ?, '{}')")
			.params(at(passStarted), id - 1, id)
			.update();
		return new StageBreakdown.Event(spot.toString(), published, passStarted + api);
	}

	private static Timestamp at(long millis) {
		return new Timestamp(millis);
	}
}
