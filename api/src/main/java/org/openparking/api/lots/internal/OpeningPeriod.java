package org.openparking.api.lots.internal;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** When a lot is open on one day of the week, in the lot's local time; closing is exclusive. */
@Entity
@Table(name = "lot_opening_hours")
@IdClass(OpeningPeriod.Key.class)
class OpeningPeriod extends AssignedIdEntity<OpeningPeriod.Key> {

	@Id
	private UUID lotId;

	/** ISO numbering, 1 = Monday, as {@link DayOfWeek#getValue()}. */
	@Id
	private short dayOfWeek;

	private LocalTime opens;

	private LocalTime closes;

	protected OpeningPeriod() {
	}

	OpeningPeriod(UUID lotId, DayOfWeek dayOfWeek, LocalTime opens, LocalTime closes) {
		this.lotId = lotId;
		this.dayOfWeek = (short) dayOfWeek.getValue();
		this.opens = opens;
		this.closes = closes;
	}

	@Override
	public Key getId() {
		return new Key(lotId, dayOfWeek);
	}

	UUID lotId() {
		return lotId;
	}

	DailyHours toDailyHours() {
		return new DailyHours(DayOfWeek.of(dayOfWeek), opens, closes);
	}

	record Key(UUID lotId, short dayOfWeek) implements Serializable {
	}
}
