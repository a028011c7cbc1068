package org.openparking.api.sensing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.OptionalLong;
import java.util.UUID;

import static org.openparking.api.shared.jdbc.ResultSets.instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The consumer's view of {@code sensor_observation}: its cursor (one row, locked by the node that consumes), the rows
 * not applied yet, and the record of what was applied.
 */
@Repository
class SensorStream {

	private static final Logger log = LoggerFactory.getLogger(SensorStream.class);

	private final JdbcClient jdbc;

	SensorStream(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The watermark, locked until the transaction ends; empty while another node consumes (it will drain).
	 * <p>
	 * Unless {@code waitForDisk}, the same statement lets the transaction commit without waiting for its WAL to reach
	 * the disk (a round trip less than a statement of its own). What a pass writes is derived from the stream: if
	 * PostgreSQL crashes before flushing it (within three times {@code wal_writer_delay}), the watermark moved back
	 * with it and the next pass applies those observations again, and a later transaction that waits for the disk
	 * flushes every earlier one with it. Waiting, every observation of a pass waited for the disk's sync too: sampled
	 * in the first seconds of a benchmark run, a quarter of the busy backends were waiting on the WAL.
	 */
	OptionalLong lockCursor(boolean waitForDisk) {
		return jdbc.sql("select watermark"
				+ (waitForDisk ? "" : ", set_config('synchronous_commit', 'off', true)")
				+ " from sensing_cursor where id = 1 for update skip locked")
			.query((rs, n) -> rs.getLong("watermark"))
			.optional()
			.map(OptionalLong::of)
			.orElse(OptionalLong.empty());
	}

	/**
	 * The rows of the gaps behind the watermark (ids passed over before their rows were committed) and the next
	 * {@code limit} rows after it, without those applied already; in id order. Two statements whose parts each follow
	 * an index (the gaps and the next rows are planned apart within the first), rather than one whose plan depends on
	 * how many rows the statistics think are applied.
	 */
	Unapplied unapplied(long watermark, int limit) {
		// Every gap lies at or below the watermark, every next row above it.
		List<ObservationRow> rows = jdbc
			.sql("(" + SELECT + " where id = any(array(select observation_id from sensing_gap)))"
					+ " union all (" + SELECT + " where id > ? order by id limit ?) order by id")
			.params(watermark, limit)
			.query(SensorStream::row)
			.list();
		Set<Long> applied = rows.isEmpty() ? Set.of()
				: new HashSet<>(jdbc
					.sql("select observation_id from sensing_applied where observation_id = any(?::bigint[])")
					.param(bigints(rows.stream().map(ObservationRow::id).toList()))
					.query(Long.class)
					.list());
		return new Unapplied(rows.stream().filter(row -> !applied.contains(row.id())).toList(),
				rows.isEmpty() ? watermark : Math.max(watermark, rows.getLast().id()));
	}

	/** @param readTo the highest id read after the watermark, applied or not (the watermark when none was) */
	record Unapplied(List<ObservationRow> rows, long readTo) {
	}

	void markApplied(List<Long> ids, Instant now) {
		jdbc.sql("""
				insert into sensing_applied (observation_id, applied_at) select unnest(?::bigint[]), ?
				on conflict do nothing""")
			.params(bigints(ids), at(now))
			.update();
	}

	/** The gaps whose rows came, or were given up. */
	void closeGaps(List<Long> ids) {
		jdbc.sql("delete from sensing_gap where observation_id = any(?::bigint[])").param(bigints(ids)).update();
	}

	/**
	 * Moves the watermark from {@code from} (locked) to {@code to}; the ids on the way that were neither consumed nor
	 * applied before have rows that are not committed yet, or never will be: gaps, looked up again on every pass. At
	 * most {@code maxGaps} of them, the newest: rows still in flight are among the newest ids, and more missing ids
	 * than any gateway has in flight are rows deleted or rolled back. (A lot's 5.4 million readings deleted while no api
	 * ran became as many gaps in one pass of 38 s, looked up by id on every pass after it.)
	 */
	void advance(long from, long to, List<Long> consumed, int maxGaps, Instant now) {
		if (to <= from) {
			return;
		}
		List<Long> passedOver = passedOver(from, to, consumed, maxGaps);
		if (!passedOver.isEmpty()) {
			jdbc.sql("""
					insert into sensing_gap (observation_id, noticed_at)
					select g, ? from unnest(?::bigint[]) g
					where not exists (select 1 from sensing_applied a where a.observation_id = g)
					on conflict do nothing""")
				.params(at(now), bigints(passedOver))
				.update();
		}
		jdbc.sql("update sensing_cursor set watermark = greatest(watermark, ?) where id = 1").param(to).update();
	}

	/** The ids in ({@code from}, {@code to}] not consumed, newest first, at most {@code max}. */
	static List<Long> passedOver(long from, long to, List<Long> consumed, int max) {
		Set<Long> seen = new HashSet<>(consumed);
		List<Long> missing = new ArrayList<>();
		for (long id = to; id > from && missing.size() < max; id--) {
			if (!seen.contains(id)) {
				missing.add(id);
			}
		}
		long beyond = (to - from) - seen.stream().filter(id -> id > from && id <= to).count() - missing.size();
		if (beyond > 0) {
			log.warn("Sensor observation ids {} to {} passed over without rows: {} of them beyond the newest {} taken"
					+ " as deleted or rolled back", from + 1, to, beyond, max);
		}
		return missing;
	}

	/** Gaps noticed before {@code before} are given up: a transaction that takes that long to commit rolled back. */
	int pruneGaps(Instant before) {
		return jdbc.sql("delete from sensing_gap where noticed_at < ?").param(at(before)).update();
	}

	/** Bound as {@code bigint[]} (see {@link org.openparking.api.shared.jdbc.SqlArrays#uuids}). */
	private static Long[] bigints(List<Long> ids) {
		return ids.toArray(Long[]::new);
	}

	int pruneApplied(Instant before) {
		return jdbc.sql("delete from sensing_applied where applied_at < ?").param(at(before)).update();
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(java.time.ZoneOffset.UTC);
	}

	private static final String SELECT = """
			select id, device_id, lot_id, spot_id, kind, occupied, observed_at, received_at from sensor_observation""";

	private static ObservationRow row(ResultSet rs, int n) throws SQLException {
		boolean occupied = rs.getBoolean("occupied");
		return new ObservationRow(rs.getLong("id"), rs.getString("device_id"), rs.getObject("lot_id", UUID.class),
				rs.getObject("spot_id", UUID.class), ObservationRow.Kind.valueOf(rs.getString("kind")),
				rs.wasNull() ? null : occupied, instant(rs, "observed_at"), instant(rs, "received_at"));
	}
}
