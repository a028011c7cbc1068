package org.openparking.api.sensing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
	 * Locks the cursor and reads what to apply next, in one statement: the rows of the gaps behind the watermark (ids
	 * passed over before their rows were committed) and the next {@code limit} rows after it, in id order, without
	 * those applied already. Empty while another node consumes (it will drain). Each part of the read follows an index
	 * (the gaps and the next rows are planned apart, and a row's applied mark is looked up by its id), so the plan
	 * does not depend on what the statistics think is applied.
	 * <p>
	 * Unless {@code waitForDisk}, the same statement lets the transaction commit without waiting for its WAL to reach
	 * the disk. What a pass writes is derived from the stream: if PostgreSQL crashes before flushing it (within three
	 * times {@code wal_writer_delay}), the watermark moved back with it and the next pass applies those observations
	 * again, and a later transaction that waits for the disk flushes every earlier one with it. Waiting, every
	 * observation of a pass waited for the disk's sync too: sampled in the first seconds of a benchmark run, a quarter
	 * of the busy backends were waiting on the WAL.
	 */
	Optional<Batch> next(boolean waitForDisk, int limit) {
		List<Read> read = jdbc.sql("with cursor as (" + lockCursorSql(waitForDisk) + ")"
				+ " select c.watermark, r.* from cursor c left join lateral ("
				+ "  select o.*, exists (select 1 from sensing_applied a where a.observation_id = o.id) as applied"
				+ "  from ((" + SELECT + " where id = any(array(select observation_id from sensing_gap)))"
				+ "    union all (" + SELECT + " where id > c.watermark order by id limit ?)) o"
				+ " ) r on true order by r.id")
			.param(limit)
			.query((rs, n) -> {
				long id = rs.getLong("id"); // 0 when nothing was read
				return new Read(rs.getLong("watermark"), id, id == 0 || rs.getBoolean("applied") ? null : row(rs, n));
			})
			.list();
		if (read.isEmpty()) {
			return Optional.empty();
		}
		long watermark = read.getFirst().watermark();
		return Optional.of(new Batch(watermark, read.stream().map(Read::row).filter(Objects::nonNull).toList(),
				Math.max(watermark, read.getLast().id())));
	}

	/** A row of {@link #next}: the watermark, and the observation read, if any, unless it was applied already. */
	private record Read(long watermark, long id, ObservationRow row) {
	}

	/** The watermark, locked until the transaction ends; empty while another node consumes. See {@link #next}. */
	OptionalLong lockCursor(boolean waitForDisk) {
		return jdbc.sql(lockCursorSql(waitForDisk))
			.query((rs, n) -> rs.getLong("watermark"))
			.optional()
			.map(OptionalLong::of)
			.orElse(OptionalLong.empty());
	}

	/**
	 * Whether the row is still to be applied (not in V170's {@code sensing_consumed}), asked by a pass that holds the
	 * cursor: a row read before the cursor was taken by another pass may have been applied by it since.
	 */
	boolean pending(long id) {
		return jdbc.sql("select not exists (select 1 from sensing_consumed where id = ?)")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	private static String lockCursorSql(boolean waitForDisk) {
		return "select watermark" + (waitForDisk ? "" : ", set_config('synchronous_commit', 'off', true)")
				+ " from sensing_cursor where id = 1 for update skip locked";
	}

	/**
	 * @param watermark where the pass started, locked
	 * @param rows the rows to apply, in id order
	 * @param readTo the highest id read after the watermark, applied or not (the watermark when none was)
	 */
	record Batch(long watermark, List<ObservationRow> rows, long readTo) {
	}

	/**
	 * Ends a pass in one statement. With the cursor ({@code from}, locked), the watermark moves to {@code to} in the
	 * transaction that applied the rows, and that is their record: no later pass reads at or below it but from the
	 * gaps, and the applied rows that were gaps (at or below {@code from}) leave them. The pass is logged in
	 * {@code sensing_pass} (when it started, the ids it read, the gaps it applied). The ids on the way that were
	 * neither applied now nor without the cursor before have rows that are not committed yet, or never will be: gaps,
	 * looked up again on every pass. At most {@code maxGaps} of them, the newest: rows still in flight are among the
	 * newest ids, and more missing ids than any gateway has in flight are rows deleted or rolled back. (A lot's 5.4
	 * million readings deleted while no api ran became as many gaps in one pass of 38 s, looked up by id on every pass
	 * after it.) Without the cursor (the one-by-one fallback while another node took it) the watermark cannot move, so
	 * the rows are recorded in {@code sensing_applied}, which passes skip and never take for gaps. The parts touch
	 * distinct rows, so they run as one statement's sub-statements.
	 */
	void finish(List<Long> applied, OptionalLong from, long to, int maxGaps, Instant now) {
		boolean moves = from.isPresent() && to > from.getAsLong();
		if (applied.isEmpty() && !moves) {
			return;
		}
		List<Long> closed = applied.stream().filter(id -> from.isEmpty() || id <= from.getAsLong()).toList();
		List<Long> passedOver = moves ? passedOver(from.getAsLong(), to, applied, maxGaps) : List.of();
		List<Long> withoutCursor = from.isPresent() ? List.of() : applied;
		jdbc.sql("""
				with applied as (
				  insert into sensing_applied (observation_id, applied_at) select unnest(?::bigint[]), ?
				  on conflict do nothing),
				pass as (
				  insert into sensing_pass (started_at, after_id, up_to, gap_ids) select ?, ?, ?, ?::bigint[] where ?),
				closed as (delete from sensing_gap where observation_id = any(?::bigint[])),
				passed_over as (
				  insert into sensing_gap (observation_id, noticed_at) select g, ? from unnest(?::bigint[]) g
				  where not exists (select 1 from sensing_applied a where a.observation_id = g)
				  on conflict do nothing)
				update sensing_cursor set watermark = greatest(watermark, ?) where id = 1 and ?""")
			// Without the cursor the last part matches no row, so it waits for no lock.
			.params(bigints(withoutCursor), at(now), at(now), from.orElse(0), Math.max(to, from.orElse(0)),
					bigints(closed), from.isPresent(), bigints(closed), at(now), bigints(passedOver), to, moves)
			.update();
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

	/** Forgets the rows applied without the cursor, and the passes, from before {@code before}. */
	int pruneApplied(Instant before) {
		return jdbc.sql("""
				with passes as (delete from sensing_pass where started_at < ?)
				delete from sensing_applied where applied_at < ?""").params(at(before), at(before)).update();
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
