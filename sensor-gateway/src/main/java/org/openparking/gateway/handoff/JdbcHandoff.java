package org.openparking.gateway.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of units in one transaction. A data error (as opposed to an unreachable database) means some unit
 * cannot be written at all; then each unit is written alone and the ones that still fail become dead letters, so
 * one bad uplink never blocks the others behind it.
 */
@Component
class JdbcHandoff implements DurableHandoff {

	private static final Logger log = LoggerFactory.getLogger(JdbcHandoff.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ConsumerWakeups wakeups;

	JdbcHandoff(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, ConsumerWakeups wakeups) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.wakeups = wakeups;
	}

	@Override
	public HandedOff write(List<HandoffUnit> units) {
		try {
			return writeTogether(units);
		}
		catch (DataAccessException ex) {
			if (!isDataError(ex)) {
				throw ex;
			}
			log.warn("A hand-off batch of {} units hit a data error; writing them one by one", units.size(), ex);
			return writeOneByOne(units);
		}
	}

	private HandedOff writeOneByOne(List<HandoffUnit> units) {
		Map<ObservationKind, Integer> inserted = new EnumMap<>(ObservationKind.class);
		Instant at = clock.instant();
		for (HandoffUnit unit : units) {
			HandedOff written;
			try {
				written = writeTogether(List.of(unit));
			}
			catch (DataAccessException ex) {
				if (!isDataError(ex) || unit.origin() == null) {
					throw ex;
				}
				log.error("Recording an uplink from {} as a dead letter: it cannot be written", unit.origin().topic(), ex);
				written = writeTogether(List.of(unit.unwritable(Objects.toString(ex.getMostSpecificCause().getMessage()))));
			}
			written.inserted().forEach((kind, count) -> inserted.merge(kind, count, Integer::sum));
			at = written.at();
		}
		return new HandedOff(at, inserted);
	}

	private HandedOff writeTogether(List<HandoffUnit> units) {
		List<Observation> observations = new ArrayList<>();
		List<HealthUpdate> health = new ArrayList<>();
		List<CommsLoss> losses = new ArrayList<>();
		List<DeadLetter> deadLetters = new ArrayList<>();
		for (HandoffUnit unit : units) {
			observations.addAll(unit.observations());
			addIfPresent(health, unit.health());
			addIfPresent(losses, unit.commsLoss());
			addIfPresent(deadLetters, unit.deadLetter());
		}
		Written written = transactions.execute(status -> jdbc.execute((ConnectionCallback<Written>) connection -> {
			Instant now = clock.instant();
			ObservationRows.Inserted inserted = ObservationRows.insert(connection, observations, now);
			HealthRows.upsert(connection, health, now);
			HealthRows.markLost(connection, losses, now);
			DeadLetterRows.insert(connection, deadLetters);
			return new Written(now, inserted);
		}));
		wakeups.committed(written.rows().count(), written.rows().lots());
		return new HandedOff(written.at(), written.rows().byKind());
	}

	/** A problem with the data, not with reaching the database (which is retried, never dead-lettered). */
	private static boolean isDataError(DataAccessException ex) {
		return ex instanceof NonTransientDataAccessException && !(ex instanceof NonTransientDataAccessResourceException);
	}

	private record Written(Instant at, ObservationRows.Inserted rows) {
	}

	private static <T> void addIfPresent(List<T> list, T item) {
		if (item != null) {
			list.add(item);
		}
	}
}
