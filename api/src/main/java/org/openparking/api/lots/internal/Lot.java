package org.openparking.api.lots.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openparking.api.lots.LotView;

@Entity
class Lot extends AssignedIdEntity<UUID> {

	@Id
	private UUID id;

	private String operatorId;

	private String name;

	private String street;

	private String city;

	private String postalCode;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 2)
	private String countryCode;

	private double latitude;

	private double longitude;

	private String timeZone;

	private Integer maxHeightCm;

	private Instant createdAt;

	@Version
	private long version;

	protected Lot() {
	}

	Lot(UUID id, String operatorId, String name, LotView.Address address, LotView.Location location, ZoneId timeZone,
			Integer maxHeightCm, Instant createdAt) {
		this.id = id;
		this.operatorId = operatorId;
		this.name = name;
		this.street = address.street();
		this.city = address.city();
		this.postalCode = address.postalCode();
		this.countryCode = address.countryCode();
		this.latitude = location.latitude();
		this.longitude = location.longitude();
		this.timeZone = timeZone.getId();
		this.maxHeightCm = maxHeightCm;
		this.createdAt = createdAt;
	}

	@Override
	public UUID getId() {
		return id;
	}

	String operatorId() {
		return operatorId;
	}

	LotView toView(Double distanceMeters) {
		return new LotView(id, name, operatorId, new LotView.Address(street, city, postalCode, countryCode),
				new LotView.Location(latitude, longitude), timeZone, maxHeightCm, distanceMeters);
	}
}
