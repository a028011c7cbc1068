package org.openparking.api.lots.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.TariffView;
import org.openparking.api.shared.Money;

/** Amounts in minor units of {@code currency}. */
@Entity
class Tariff extends AssignedIdEntity<UUID> {

	@Id
	private UUID id;

	private UUID lotId;

	@Enumerated(EnumType.STRING)
	private SpotClass spotClass;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 3)
	private String currency;

	private long hourlyRateMinor;

	private Long dailyMaximumMinor;

	private long minimumChargeMinor;

	private Instant updatedAt;

	@Version
	private long version;

	protected Tariff() {
	}

	Tariff(UUID id, UUID lotId, SpotClass spotClass) {
		this.id = id;
		this.lotId = lotId;
		this.spotClass = spotClass;
	}

	@Override
	public UUID getId() {
		return id;
	}

	UUID lotId() {
		return lotId;
	}

	SpotClass spotClass() {
		return spotClass;
	}

	void set(TariffView tariff, Instant now) {
		currency = tariff.hourlyRate().currency();
		hourlyRateMinor = tariff.hourlyRate().amountMinor();
		dailyMaximumMinor = tariff.dailyMaximum() == null ? null : tariff.dailyMaximum().amountMinor();
		minimumChargeMinor = tariff.minimumCharge().amountMinor();
		updatedAt = now;
	}

	TariffView toView() {
		return view(spotClass, currency, hourlyRateMinor, dailyMaximumMinor, minimumChargeMinor);
	}

	/** A tariff's columns as a view, for the entity and for {@link LotSnapshotLoader}'s rows alike. */
	static TariffView view(SpotClass spotClass, String currency, long hourlyRateMinor, Long dailyMaximumMinor,
			long minimumChargeMinor) {
		return new TariffView(spotClass, new Money(hourlyRateMinor, currency),
				dailyMaximumMinor == null ? null : new Money(dailyMaximumMinor, currency),
				new Money(minimumChargeMinor, currency));
	}
}
