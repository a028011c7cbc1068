package org.openparking.api.sessions.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openparking.api.sessions.SessionStatus;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.shared.Money;

@Entity
@Table(name = "parking_session")
class ParkingSession {

	@Id
	private UUID id;

	private UUID lotId;

	private UUID spotId;

	private String userId;

	private String vehiclePlate;

	private Instant startedAt;

	private Instant latestAllowedEnd;

	private Instant endedAt;

	private Long chargeMinor;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 3)
	private String currency;

	// A wrapper, so Spring Data sees a new entity (null version) and persists instead of merging.
	@Version
	private Long version;

	protected ParkingSession() {
	}

	ParkingSession(UUID id, UUID lotId, UUID spotId, String userId, String vehiclePlate, Instant startedAt,
			Instant latestAllowedEnd, String currency) {
		this.id = id;
		this.lotId = lotId;
		this.spotId = spotId;
		this.userId = userId;
		this.vehiclePlate = vehiclePlate;
		this.startedAt = startedAt;
		this.latestAllowedEnd = latestAllowedEnd;
		this.currency = currency;
	}

	void end(Instant at, Money charge) {
		if (endedAt != null) {
			throw new IllegalStateException("Session " + id + " has already ended");
		}
		endedAt = at;
		chargeMinor = charge.amountMinor();
		currency = charge.currency();
	}

	boolean isActive() {
		return endedAt == null;
	}

	UUID id() {
		return id;
	}

	UUID lotId() {
		return lotId;
	}

	UUID spotId() {
		return spotId;
	}

	String userId() {
		return userId;
	}

	Instant startedAt() {
		return startedAt;
	}

	Instant latestAllowedEnd() {
		return latestAllowedEnd;
	}

	SessionView view() {
		return new SessionView(id, isActive() ? SessionStatus.ACTIVE : SessionStatus.COMPLETED, lotId, spotId, userId,
				vehiclePlate, startedAt, latestAllowedEnd, endedAt,
				chargeMinor == null ? null : new Money(chargeMinor, currency));
	}
}
