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
 * consumer pass that applied it (sensing_applied.applied_at) and the event's arrival at the benchmark's subscriber.
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

	record Breakdown(List<Spread> stages, List<LateSecond> lateSeconds) {

		String describe() {
			StringJoiner text = new StringJoiner("\n");
			text.add("  where the time went (ms): publish -> gateway receipt (broker) -> its durable row (gateway) -> the"
					+ " api's consumer pass starts (queued) -> event at the subscriber (api)");
			StringJoiner spreads = new StringJoiner("; ", "    ", "");
			stages.forEach(spread -> spreads.add("%s p50 %d / p99 %d / max %d".formatted(spread.stage(), spread.p50(),
					spread.p99(), spread.max())));
			text.add(spreads.toString());
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
			join sensing_applied a on a.observation_id = o.id
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
			statement.execute("drop table if exists bench_stage");
		}
		try (PreparedStatement statement = db.prepareStatement(STAGE_TIMES)) {
			statement.setLong(1, startMillis);
			statement.setString(2, run);
			statement.execute();
		}
		List<Spread> spreads = new ArrayList<>();
		String percentiles = "select " + String.join(", ", STAGES.stream()
			.map(stage -> ("percentile_disc(0.5) within group (order by %1$s), percentile_disc(0.99) within group"
					+ " (order by %1$s), max(%1$s)").formatted(stage))
			.toList()) + " from bench_stage";
		try (Statement statement = db.createStatement(); ResultSet set = statement.executeQuery(percentiles)) {
			set.next();
			for (int i = 0; i < STAGES.size(); i++) {
				spreads.add(new Spread(STAGES.get(i), set.getLong(3 * i + 1), set.getLong(3 * i + 2),
						set.getLong(3 * i + 3)));
			}
		}
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
		return new Breakdown(spreads, seconds);
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
