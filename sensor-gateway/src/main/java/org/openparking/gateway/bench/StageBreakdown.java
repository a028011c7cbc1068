package org.openparking.gateway.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.postgresql.PGConnection;

/**
 * Where an event's time went, from the times each stage left behind: the publisher's {@code ts} (observed_at), the
 * gateway's receipt and hand-off (received_at, handed_off_at of its sensor_observation row), the start of the api's
 * consumer pass that applied it (sensing_pass.started_at, or sensing_applied.applied_at for the rare reading applied
 * without the cursor) and the event's arrival at the benchmark's subscriber.
 * Joined by spot and observed time: per stage p50 / p99 / max, and for each second of publishing that had late events
 * the average of each stage among them, which names the stage a stall sits in.
 */
final class StageBreakdown {

	/** The stages, in the order an event passes them. */
	static final List<String> STAGES = List.of("broker", "gateway", "queued", "api", "total");

	/** One event as the benchmark's subscriber saw it. */
	record Event(String spotId, long observedAtMillis, long arrivedAtMillis) {
	}

	/** p50, p99 and max of one stage, in ms. */
	record Spread(String stage, long p50, long p99, long max) {
	}

	/** A second of publishing with late events: how many, the average of each stage among them, the worst total. */
	record LateSecond(long second, long late, List<Long> averages, long worst) {
	}

	/**
	 * @param settled the total of the events published from second {@link #SETTLED_FROM} on, past the run's start;
	 * null when there were none
	 */
	record Breakdown(List<Spread> stages, List<LateSecond> lateSeconds, Spread settled) {

		String describe() {
			StringJoiner text = new StringJoiner("\n");
			text.add("  where the time went (ms): publish -> gateway receipt (broker) -> its durable row (gateway) -> the"
					+ " api's consumer pass starts (queued) -> event at the subscriber (api)");
			StringJoiner spreads = new StringJoiner("; ", "    ", "");
			stages.forEach(spread -> spreads.add(spread(spread)));
			text.add(spreads.toString());
			if (settled != null) {
				text.add("    published from second %d on (past the run's start): %s".formatted(SETTLED_FROM,
						spread(settled)));
			}
			for (LateSecond second : lateSeconds) {
				StringJoiner averages = new StringJoiner(", ");
				for (int i = 0; i < second.averages().size(); i++) {
					averages.add(STAGES.get(i) + " " + second.averages().get(i));
				}
				text.add("    second %d of publishing: %,d late, on average %s; worst %d".formatted(second.second(),
						second.late(), averages, second.worst()));
			}
			return text.toString();
		}
	}

	/**
	 * Where a run's late events crowded while its lot was new (4,865 and 1,578 in its seconds 0 and 1, 3,110 in the 18
	 * after, in one run at 5,000 readings/s): every spot and sensor met for the first time. That first contact is now
	 * measured before the run (GatewayBenchmark's firstContact); the events past the run's start show whether any start
	 * remains.
	 */
	static final int SETTLED_FROM = 2;

	private static String spread(Spread spread) {
		return "%s p50 %d / p99 %d / max %d".formatted(spread.stage(), spread.p50(), spread.p99(), spread.max());
	}

	/**
	 * When the pass that applied each of the run's readings started: the pass that read it as a gap, else the pass
	 * whose ids after its watermark it lies among (their ranges follow each other), else its sensing_applied row.
	 */
	private static final String PASSES = """
			create temporary table bench_pass as
			select started_at, after_id, up_to, gap_ids from sensing_pass
			where started_at >= to_timestamp(? / 1000.0) - interval '1 minute'
			""";

	private static final String APPLIED_AT = """
			create temporary table bench_applied as
			select o.id as observation_id, coalesce(g.started_at, p.started_at, a.applied_at) as applied_at
			from sensor_observation o
			left join (select unnest(gap_ids) as id, started_at from bench_pass) g on g.id = o.id
			left join lateral (select r.started_at from bench_pass r where r.up_to >= o.id and r.after_id < o.id
			                   order by r.up_to limit 1) p on true
			left join sensing_applied a on a.observation_id = o.id
			where o.device_id like ? || '-%'
			""";

	/** Each event's stages in ms, and the second of publishing it was published in; computed once per run. */
	private static final String STAGE_TIMES = """
			create temporary table bench_stage as
			select (extract(epoch from o.received_at) * 1000)::bigint - b.observed_ms as broker,
			       (extract(epoch from o.handed_off_at - o.received_at) * 1000)::bigint as gateway,
			       (extract(epoch from a.applied_at - o.handed_off_at) * 1000)::bigint as queued,
			       b.arrived_ms - (extract(epoch from a.applied_at) * 1000)::bigint as api,
			       b.arrived_ms - b.observed_ms as total,
			       (b.observed_ms - ?) / 1000 as second
			from bench_event b
			join sensor_observation o on o.spot_id = b.spot_id
			 and (extract(epoch from o.observed_at) * 1000)::bigint = b.observed_ms
			join bench_applied a on a.observation_id = o.id
			where o.device_id like ? || '-%'
			""";

	private StageBreakdown() {
	}

	/**
	 * @param run the prefix of the run's device ids
	 * @param startMillis when publishing began (second 0)
	 */
	static Breakdown measure(Connection db, String run, long startMillis, List<Event> events) throws SQLException {
		load(db, events);
		try (Statement statement = db.createStatement()) {
			statement.execute("drop table if exists bench_stage, bench_applied, bench_pass");
		}
		try (PreparedStatement statement = db.prepareStatement(PASSES)) {
			statement.setLong(1, startMillis);
			statement.execute();
		}
		try (Statement statement = db.createStatement()) {
			statement.execute("create index on bench_pass (up_to)");
			statement.execute("analyze bench_pass");
		}
		try (PreparedStatement statement = db.prepareStatement(APPLIED_AT)) {
			statement.setString(1, run);
			statement.execute();
		}
		try (PreparedStatement statement = db.prepareStatement(STAGE_TIMES)) {
			statement.setLong(1, startMillis);
			statement.setString(2, run);
			statement.execute();
		}
		List<Spread> spreads = spreads(db, STAGES, "");
		List<Spread> settled = spreads(db, List.of("total"), "where second >= " + SETTLED_FROM);
		List<LateSecond> seconds = new ArrayList<>();
		String bySecond = """
				select second, count(*), avg(broker)::bigint, avg(gateway)::bigint, avg(queued)::bigint,
				       avg(api)::bigint, max(total)
				from bench_stage where total > %d group by second order by second"""
			.formatted(LatenessTimeline.LATE_MILLIS);
		try (Statement statement = db.createStatement(); ResultSet set = statement.executeQuery(bySecond)) {
			while (set.next()) {
				seconds.add(new LateSecond(set.getLong(1), set.getLong(2),
						List.of(set.getLong(3), set.getLong(4), set.getLong(5), set.getLong(6)), set.getLong(7)));
			}
		}
		return new Breakdown(spreads, seconds, settled.isEmpty() ? null : settled.getFirst());
	}

	/** p50, p99 and max of each stage over the events {@code where} selects; none if it selects none. */
	private static List<Spread> spreads(Connection db, List<String> stages, String where) throws SQLException {
		String percentiles = "select count(*), " + String.join(", ", stages.stream()
			.map(stage -> ("percentile_disc(0.5) within group (order by %1$s), percentile_disc(0.99) within group"
					+ " (order by %1$s), max(%1$s)").formatted(stage))
			.toList()) + " from bench_stage " + where;
		List<Spread> spreads = new ArrayList<>();
		try (Statement statement = db.createStatement(); ResultSet set = statement.executeQuery(percentiles)) {
			set.next();
			if (set.getLong(1) == 0) {
				return spreads;
			}
			for (int i = 0; i < stages.size(); i++) {
				spreads.add(new Spread(stages.get(i), set.getLong(3 * i + 2), set.getLong(3 * i + 3),
						set.getLong(3 * i + 4)));
			}
		}
		return spreads;
	}

	private static void load(Connection db, List<Event> events) throws SQLException {
		try (Statement statement = db.createStatement()) {
			statement.execute("create temporary table if not exists bench_event"
					+ " (spot_id uuid, observed_ms bigint, arrived_ms bigint)");
			statement.execute("truncate bench_event");
		}
		StringBuilder rows = new StringBuilder(events.size() * 64);
		for (Event event : events) {
			rows.append(event.spotId()).append('\t').append(event.observedAtMillis()).append('\t')
				.append(event.arrivedAtMillis()).append('\n');
		}
		try {
			db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_event from stdin",
					new StringReader(rows.toString()));
		}
		catch (IOException ex) {
			throw new SQLException("Could not copy the events in", ex);
		}
	}
}
